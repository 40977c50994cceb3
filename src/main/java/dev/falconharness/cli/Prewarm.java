package dev.falconharness.cli;

import dev.falconharness.manifest.Manifest;
import java.security.GeneralSecurityException;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Start-up work a one-shot call needs anyway, begun on a background thread so that it overlaps with
 * picocli building its model on the main thread: reading the built-in manifest (Jackson's start-up
 * included) and creating the JDK's default TLS context, which every {@code HttpClient} creates, even one
 * that only talks {@code http://}. On two cores this takes about 30 ms off a cold call.
 *
 * <p>Only a head start: the main thread does the same work itself when it gets there, and the JDK makes
 * it wait for the background thread rather than do it twice (a class initializer; a synchronized cache).
 * Nothing is kept or reported from here; a failure recurs on the main thread, which reports it. The look
 * at the arguments is a cheap guess that picocli's parsing does not depend on: a wrong guess only wastes
 * some background CPU.
 */
final class Prewarm {
    /** Arguments after which the process does no work worth preparing for. */
    private static final Set<String> NO_WORK = Set.of("-h", "--help", "-V", "--version", "completion");
    /**
     * Commands that build no HTTP client, so need no TLS context ({@code --dry-run} does build one: it
     * prepares the request with the same harness a call would use).
     */
    private static final Set<String> OFFLINE = Set.of("operations", "describe", "manifest", "__complete");

    private Prewarm() {
    }

    /** What to prepare for these arguments. */
    record Plan(boolean manifest, boolean tls) {
        boolean any() {
            return manifest || tls;
        }
    }

    static Plan plan(String... args) {
        boolean manifest = true;
        boolean tls = true;
        for (String arg : args) {
            if (NO_WORK.contains(arg)) {
                return new Plan(false, false);
            }
            if (arg.equals("-m") || arg.startsWith("--manifest")) {
                manifest = false;
            }
            if (OFFLINE.contains(arg)) {
                tls = false;
            }
        }
        return new Plan(manifest, tls);
    }

    /** Starts the background work for these arguments; returns its daemon thread, or null if there is none. */
    static Thread start(String... args) {
        Plan plan = plan(args);
        if (!plan.any()) {
            return null;
        }
        Thread thread = new Thread(() -> run(plan), "falcon-prewarm");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void run(Plan plan) {
        try {
            if (plan.manifest()) {
                Manifest.falcon();
            }
            if (plan.tls()) {
                SSLContext.getDefault();
            }
        } catch (RuntimeException | Error | GeneralSecurityException e) {
            // Left for the main thread, which meets the same failure where it can report it.
        }
    }
}
