package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code falcon} in-process the way a shell would, with captured stdout, stderr and raw stdout
 * bytes, and a chosen environment, stdin and terminal. Every run is checked for leaked secrets.
 */
final class Cli {
    /** Strings that must never appear in any output: the test credentials' secret and token. */
    static final List<String> SECRETS = List.of(FakeFalcon.CLIENT_SECRET, FakeFalcon.TOKEN);

    private final Map<String, String> env = new HashMap<>();
    private byte[] stdin = new byte[0];
    private boolean terminal;
    private boolean stderrTerminal;

    static Cli with(Map<String, String> environment) {
        Cli cli = new Cli();
        // No test reads or writes the real ~/.cache: the token cache is off unless a test turns it on
        // (with XDG_CACHE_HOME pointing at a temporary directory).
        cli.env.put("FALCON_NO_TOKEN_CACHE", "1");
        // Nor the developer's ~/.config/falcon/config: profiles come only from a test's own directory.
        cli.env.put("XDG_CONFIG_HOME", "/nonexistent/falcon-tests/config");
        cli.env.put("XDG_CACHE_HOME", "/nonexistent/falcon-tests/cache");
        cli.env.putAll(environment);
        return cli;
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Cli stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Pretends stdout is a terminal (pretty JSON, no binary dumps). */
    Cli terminal() {
        terminal = true;
        return this;
    }

    /** Pretends only stderr is a terminal ({@code falcon ... > file} typed by a person). */
    Cli stderrTerminal() {
        stderrTerminal = true;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        FalconCommand command = new FalconCommand().io(new Io(env, new ByteArrayInputStream(stdin), raw, terminal, terminal || stderrTerminal));
        // As main builds it: subcommands only when the arguments could name one or ask for help.
        CommandLine commandLine = FalconCommand.commandLineFor(command, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = FalconCommand.execute(commandLine, args);
        Result result = new Result(exitCode, out.toString(), err.toString(), raw.toByteArray());
        assertNoSecrets(result);
        return result;
    }

    /** Fails if the secret or the token shows anywhere: stdout, stderr or raw bytes. */
    static void assertNoSecrets(Result result) {
        String everything = result.out() + "\n" + result.err() + "\n" + new String(result.raw(), StandardCharsets.UTF_8);
        for (String secret : SECRETS) {
            assertFalse(everything.contains(secret), "a secret leaked into the output:\n" + everything);
        }
    }

    /**
     * What one run produced.
     *
     * @param exitCode the process exit code it would end with
     * @param out      text written to stdout
     * @param err      text written to stderr
     * @param raw      bytes written to stdout as bytes (binary responses)
     */
    record Result(int exitCode, String out, String err, byte[] raw) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
