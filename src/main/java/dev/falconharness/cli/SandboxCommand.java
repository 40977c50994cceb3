package dev.falconharness.cli;

import dev.falconharness.sandbox.FalconSandbox;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code falcon sandbox}: runs the embedded Falcon sandbox in the foreground until Ctrl-C, and prints
 * the variables that point {@code falcon} (or any Falcon client) at it. Its credentials are the
 * sandbox's documented ones, so printing them gives nothing away.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run the embedded Falcon sandbox until Ctrl-C.",
            "It speaks OAuth2 like Falcon (HTTPS with --tls), keeps User Management state in memory, and answers every other",
            "operation with an empty envelope. For one call, 'falcon --sandbox <OperationId>' is simpler."})
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Listen on 127.0.0.1:N (default: a free port).")
    int port;

    @Option(names = "--seed", paramLabel = "FILE", description = "Start from the roles, users, hosts and host groups in this JSON file.")
    Path seed;

    @Option(names = "--token-lifetime", paramLabel = "SECONDS", description = "How long tokens stay valid (default: 1799).")
    Integer tokenLifetimeSeconds;

    @Option(names = "--tls", description = {"Speak HTTPS with a certificate made at start; the CA certificate is written",
        "to a file whose path is printed, for clients to trust."})
    boolean tls;

    @Option(names = "--region", paramLabel = "REGION", description = {"Send X-Cs-Region: REGION on every answer (default: none,",
        "so that no client moves itself to a real cloud)."})
    String region;

    @Option(names = "--child-cid", paramLabel = "CID", description = "An MSSP child customer ID that member_cid may name (repeatable).")
    List<String> childCids;

    @Option(names = "--hosts", paramLabel = "N", description = "Hosts in the generated fleet (default: 50; 50000 take a fraction of a second).")
    Integer hosts;

    @Option(names = "--fleet-seed", paramLabel = "N", description = {"The seed the fleet is generated from (default: 20261101);",
        "the same seed and --hosts give the same hosts on every run."})
    Long fleetSeed;

    @Option(names = "--rate-limit", paramLabel = "N/UNIT", description = {"Enforce N requests per customer per second,",
        "minute or hour (e.g. 6000/min), with 429s and X-Ratelimit-Retryafter (default: none)."})
    String rateLimit;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        FalconSandbox sandbox = start();
        Thread hook = new Thread(this::stopAndWait, "falcon-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (sandbox) {
            announce(sandbox);
            stopped.await();
        } finally {
            removeHook(hook);
        }
        spec.commandLine().getErr().println("Sandbox stopped.");
        spec.commandLine().getErr().flush();
        closed.countDown();
        return ExitCodes.OK;
    }

    /** Ends {@link #call()}; tests call it directly. */
    void stop() {
        stopped.countDown();
    }

    /** Ctrl-C: the JVM halts once its hooks return, so wait (briefly) for the sandbox to close cleanly. */
    private void stopAndWait() {
        stop();
        try {
            closed.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FalconSandbox start() {
        FalconSandbox.Builder builder = FalconSandbox.builder();
        try {
            builder.port(port);
            if (seed != null) {
                builder.seed(seed);
            }
            if (tokenLifetimeSeconds != null) {
                builder.tokenLifetime(Duration.ofSeconds(tokenLifetimeSeconds));
            }
            if (tls) {
                builder.tls();
            }
            if (region != null) {
                builder.region(region);
            }
            if (childCids != null) {
                builder.childCids(childCids.toArray(String[]::new));
            }
            if (hosts != null) {
                builder.hosts(hosts);
            }
            if (fleetSeed != null) {
                builder.fleetSeed(fleetSeed);
            }
            if (rateLimit != null) {
                applyRateLimit(builder, rateLimit);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage());
        } catch (UncheckedIOException e) {
            throw CommandFailure.error(e.getMessage());
        }
    }

    /** {@code 6000/min}, {@code 100/s}, {@code 50000/hour}. */
    private static void applyRateLimit(FalconSandbox.Builder builder, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})/(s|sec|second|min|minute|h|hour)")
                .matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--rate-limit takes N/s, N/min or N/hour, e.g. 6000/min; got \"" + text + "\"");
        }
        Duration window = switch (m.group(2)) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "min", "minute" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        builder.rateLimit(Integer.parseInt(m.group(1)), window);
    }

    private void announce(FalconSandbox sandbox) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Falcon sandbox listening on " + sandbox.baseUrl() + " (Ctrl-C to stop)");
        out.println("Point falcon at it from another shell:");
        out.println("  export FALCON_BASE_URL=" + sandbox.baseUrl());
        out.println("  export FALCON_CLIENT_ID=" + FalconSandbox.CLIENT_ID);
        out.println("  export FALCON_CLIENT_SECRET=" + FalconSandbox.CLIENT_SECRET);
        if (sandbox.isTls()) {
            out.println("  falcon --ca-cert " + sandbox.caCertificate() + " GetAvailableRoleIds");
            out.println("CA certificate (trust it in other clients; deleted when the sandbox stops): "
                    + sandbox.caCertificate());
            out.println("  export REQUESTS_CA_BUNDLE=" + sandbox.caCertificate() + "   # Python requests, FalconPy");
            out.println("  export SSL_CERT_FILE=" + sandbox.caCertificate() + "        # OpenSSL-based clients, Go on Linux");
        } else {
            out.println("  falcon GetAvailableRoleIds");
        }
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is what got us here.
        }
    }
}
