package dev.falconharness.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line reads from and writes raw bytes to, beyond picocli's text writers: the
 * environment, stdin, stdout as bytes (for binary downloads), and whether stdout and stderr are
 * terminals. Tests replace all of them; the defaults are the process's own. Immutable.
 *
 * @param environment    the environment variables ({@code FALCON_CLIENT_ID}...)
 * @param stdin          read by {@code --body @-}
 * @param stdout         raw response bytes go here; text goes through picocli's {@code getOut()} writer
 * @param terminal       true when a person is watching stdout: JSON is pretty-printed and binary is not dumped
 * @param stderrTerminal true when stderr is a terminal: {@code --all} shows its progress line there
 */
public record Io(Map<String, String> environment, InputStream stdin, OutputStream stdout, boolean terminal,
        boolean stderrTerminal) {

    public Io {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
    }

    /** Stderr counts as a terminal when stdout does (a person runs it without redirecting either). */
    public Io(Map<String, String> environment, InputStream stdin, OutputStream stdout, boolean terminal) {
        this(environment, stdin, stdout, terminal, terminal);
    }

    /**
     * The process's environment and standard streams; stdout is a terminal when Java has a console.
     * Raw bytes go to the file descriptor itself, not {@code System.out}, whose {@code PrintStream}
     * would swallow the error that says the reader is gone.
     */
    public static Io system() {
        return new Io(System.getenv(), System.in, new FileOutputStream(FileDescriptor.out), System.console() != null,
                StderrCheck.isTerminal());
    }

    /** The value of an environment variable, or null when it is unset or blank. */
    String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether stderr is a terminal: Java 17 can only tell for stdin and stdout together. */
    static final class StderrCheck {
        private StderrCheck() {
        }

        static boolean isTerminal() {
            Path fd = Path.of("/proc/self/fd/2");
            try {
                if (Files.isSymbolicLink(fd)) {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
                }
            } catch (IOException | SecurityException e) {
                // Fall back to the console check below.
            }
            return System.console() != null;
        }
    }
}
