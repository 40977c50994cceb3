package dev.falconharness.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code falcon} as a separate process (its {@link Main} on this test's class path), for what only
 * a process shows: exit statuses set by signals and closed pipes, and the JVM's shutdown. The
 * environment is exactly the one given (plus PATH), so the developer's own FALCON_* variables and
 * caches never leak in.
 */
final class FalconProcess {
    /** Generous: a JVM start on a busy two-core machine; only a hang ever reaches it. */
    private static final long MAX_SECONDS = 60;

    final Process process;
    private final File stderr;

    private FalconProcess(Process process, File stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    /** Starts {@code falcon args...} with this environment; stderr goes to a temporary file. */
    static FalconProcess start(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        try {
            File errors = File.createTempFile("falcon-stderr", ".txt");
            errors.deleteOnExit();
            builder.redirectError(errors);
            return new FalconProcess(builder.start(), errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end (failing the test if it hangs); returns its exit status. */
    int exitStatus() throws InterruptedException {
        if (!process.waitFor(MAX_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("falcon did not end within " + MAX_SECONDS + " s");
        }
        return process.exitValue();
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -INT failed");
        }
    }

    /** Reads one line of the process's stdout (without the newline), or null at its end. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = process.getInputStream().read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return c < 0 && line.length() == 0 ? null : line.toString();
    }

    /** Everything left on stdout. */
    String rest() throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** What the process wrote on stderr so far. */
    String err() throws IOException {
        return java.nio.file.Files.readString(stderr.toPath(), StandardCharsets.UTF_8);
    }

    /** Closes the reading end of stdout, as {@code head} does when it has read enough. */
    void closeStdout() throws IOException {
        process.getInputStream().close();
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
