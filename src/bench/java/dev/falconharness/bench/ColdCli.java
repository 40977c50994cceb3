package dev.falconharness.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The cold command line: wall time from starting {@code bin/falcon -q GetRoles ids=…} to its exit after
 * printing the response, one fresh process at a time, against the benchmark's loopback server. As a
 * floor, the same number of {@code java -version} runs with the launcher's JVM flags, interleaved with
 * them. The launcher is {@code bin/falcon} under the working directory, or the {@code bench.launcher}
 * property; its first run (which may build the jar and its class-data archive) is not counted.
 */
final class ColdCli {
    private static final List<String> CALL = List.of("-q", "GetRoles", "ids=falcon_admin,remote_responder");
    private static final List<String> FLOOR = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData", "-version");

    private ColdCli() {
    }

    /** Timings in milliseconds. */
    record Result(List<Double> call, List<Double> floor) {
    }

    /** Runs {@code runs} timed pairs; null when there is no launcher to run. */
    static Result run(int runs) {
        Path launcher = Path.of(System.getProperty("bench.launcher", "bin/falcon")).toAbsolutePath();
        if (!Files.isExecutable(launcher)) {
            return null;
        }
        try (Target target = Target.start()) {
            Map<String, String> env = Map.of("FALCON_BASE_URL", target.baseUrl(),
                    "FALCON_CLIENT_ID", Target.clientId(), "FALCON_CLIENT_SECRET", Target.clientSecret());
            List<String> call = new ArrayList<>(List.of(launcher.toString()));
            call.addAll(CALL);
            for (int i = 0; i < 3; i++) {
                time(call, env, true);
            }
            List<Double> calls = new ArrayList<>();
            List<Double> floors = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                // Alternate the order so that neither side always follows the other.
                if (i % 2 == 0) {
                    calls.add(time(call, env, true));
                    floors.add(time(FLOOR, Map.of(), false));
                } else {
                    floors.add(time(FLOOR, Map.of(), false));
                    calls.add(time(call, env, true));
                }
            }
            return new Result(calls, floors);
        }
    }

    /** One process, start to exit, in ms; for the call, checks that the response came out. */
    private static double time(List<String> command, Map<String, String> env, boolean expectResponse) {
        Run run = run(command, env);
        if (run.exit() != 0 || (expectResponse && !run.stdout().contains("\"resources\""))) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + run.exit() + "; stdout: "
                    + run.stdout() + "; stderr: " + run.stderr());
        }
        return run.millis();
    }

    /** What one process did: how long from start to exit, its exit code and its output. */
    record Run(double millis, int exit, String stdout, String stderr) {
    }

    /** Runs {@code command} with {@code env} added, timed from start to exit, both outputs drained. */
    static Run run(List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            byte[] out = drain(process.getInputStream());
            int exit = process.waitFor();
            double millis = (System.nanoTime() - start) / 1e6;
            return new Run(millis, exit, new String(out, StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mean, then median and the 10th to 90th percentile span, as a line. */
    static String describe(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "mean %.0f ms, median %.0f ms (10%%–90%%: %.0f–%.0f ms, min %.0f, max %.0f)",
                mean(millis), Paired.quantile(sorted, 0.5), Paired.quantile(sorted, 0.1), Paired.quantile(sorted, 0.9),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    static double mean(List<Double> millis) {
        return millis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
