package dev.falconharness.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line reads from and writes raw bytes to, beyond picocli's text writers: the
 * environment, stdin, stdout as bytes (for binary downloads), and whether stdout is a terminal. Tests
 * replace all four; the defaults are the process's own. Immutable.
 *
 * @param environment the environment variables ({@code FALCON_CLIENT_ID}...)
 * @param stdin       read by {@code --body @-}
 * @param stdout      raw response bytes go here; text goes through picocli's {@code getOut()} writer
 * @param terminal    true when a person is watching: JSON is pretty-printed and binary is not dumped
 */
public record Io(Map<String, String> environment, InputStream stdin, OutputStream stdout, boolean terminal) {

    public Io {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
    }

    /** The process's environment and standard streams; a terminal when Java has a console. */
    public static Io system() {
        return new Io(System.getenv(), System.in, System.out, System.console() != null);
    }

    /** The value of an environment variable, or null when it is unset or blank. */
    String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
