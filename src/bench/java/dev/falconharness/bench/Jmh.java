package dev.falconharness.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one JMH benchmark method at a time, programmatically, with the run's iteration settings, and
 * returns its score. One fork each; the benchmark JVMs get a fixed 1 GiB heap and every {@code bench.*}
 * system property of this JVM.
 */
final class Jmh {
    private final int warmups;
    private final int measurements;
    private final double secondsPerIteration;

    /** A JMH score: mean, half-width of the 99.9% confidence interval, unit, and bytes allocated per op. */
    record Score(double mean, double error, String unit, double bytesPerOp) {
        /** The ratio of two means, with the relative errors added (a conservative bound). */
        Ratio over(Score base) {
            double ratio = mean / base.mean;
            double relative = relativeError() + base.relativeError();
            return new Ratio(ratio, ratio * relative);
        }

        double relativeError() {
            return Double.isNaN(error) ? 0 : error / mean;
        }
    }

    /** A ratio and its error bound. */
    record Ratio(double value, double error) {
    }

    Jmh(int warmups, int measurements, double secondsPerIteration) {
        this.warmups = warmups;
        this.measurements = measurements;
        this.secondsPerIteration = secondsPerIteration;
    }

    /** Runs {@code benchmark#method} with the given parameter values ({@code name, value} pairs). */
    Score run(Class<?> benchmark, String method, boolean allocations, String... params) {
        return run(benchmark, method, allocations, 1, params);
    }

    /** As above, with each iteration {@code scale} times the run's usual length. */
    Score run(Class<?> benchmark, String method, boolean allocations, double scale, String... params) {
        long millis = Math.round(secondsPerIteration * scale * 1000);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\." + method + "$")
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.milliseconds(millis))
                .measurementIterations(measurements)
                .measurementTime(TimeValue.milliseconds(millis))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .jvmArgsAppend(jvmArgs());
        for (int i = 0; i < params.length; i += 2) {
            options.param(params[i], params[i + 1]);
        }
        if (allocations) {
            options.addProfiler(GCProfiler.class);
        }
        try {
            Collection<RunResult> results = new Runner(options.build()).run();
            if (results.size() != 1) {
                throw new IllegalStateException("expected one result for " + method + ", got " + results.size());
            }
            return score(results.iterator().next());
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed on " + benchmark.getSimpleName() + "." + method, e);
        }
    }

    private static Score score(RunResult result) {
        Result<?> primary = result.getPrimaryResult();
        double bytes = Double.NaN;
        for (String name : result.getSecondaryResults().keySet()) {
            if (name.endsWith("gc.alloc.rate.norm")) {
                bytes = allocation(result, name);
            }
        }
        return new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit(), bytes);
    }

    /** JMH keeps secondary results in a map of raw {@code Result}s. */
    @SuppressWarnings("rawtypes")
    private static double allocation(RunResult result, String name) {
        Result secondary = result.getSecondaryResults().get(name);
        return secondary.getScore();
    }

    /** A fixed heap keeps GC behaviour the same from fork to fork; bench.* properties reach the server. */
    static String[] jvmArgs() {
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("bench."))
                .sorted()
                .forEach(name -> args.add("-D" + name + "=" + System.getProperty(name)));
        return args.toArray(new String[0]);
    }
}
