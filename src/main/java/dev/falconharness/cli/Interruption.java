package dev.falconharness.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What Ctrl-C (SIGINT) or a SIGTERM does to a running {@code falcon}: it asks the command to stop where
 * it stands, rather than killing it mid-write. A shutdown hook marks the request and interrupts the main
 * thread (which ends a blocked HTTP exchange); {@code --all} notices before its next record or page,
 * closes its JSON array, says how many records were written, and the session revokes its token. The hook
 * then lets the JVM end with the signal's status (130 for SIGINT, as shells report it).
 *
 * <p>Only commands that {@linkplain #interruptCalls() ask for it} have their main thread interrupted:
 * others (the sandbox, which stops itself from its own hook) just finish. The hook waits at most {@link #GRACE_MILLIS} for the command to finish; a second Ctrl-C does not
 * shorten it (the JVM ignores signals once it is shutting down), so the grace is short. Thread-safe.
 */
final class Interruption {
    /** Time the command gets to close its output and revoke its token after Ctrl-C. */
    static final long GRACE_MILLIS = 5_000;

    private static volatile boolean requested;
    private static volatile boolean interruptCalls;
    private static final CountDownLatch FINISHED = new CountDownLatch(1);

    private Interruption() {
    }

    /** Installs the hook for the main thread; called once by {@link Main}. */
    static void install(Thread main) {
        Thread hook = new Thread(() -> {
            requested = true;
            if (interruptCalls) {
                main.interrupt();
            }
            try {
                FINISHED.await(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "falcon-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The running command sends API calls: Ctrl-C should cut a waiting call short. */
    static void interruptCalls() {
        interruptCalls = true;
    }

    /** True once the user asked the command to stop. */
    static boolean requested() {
        return requested;
    }

    /** The command is done (output flushed, token revoked): the JVM may end now. */
    static void finished() {
        FINISHED.countDown();
    }
}
