package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mistake a person can make gets one line in the command line's own words, saying what to type
 * instead; nothing is sent for a mistake the command line can see, and no stack trace is printed.
 */
class PersonErrorsTest {
    private final FakeFalcon falcon = new FakeFalcon();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        falcon.close();
    }

    private Cli.Result run(String... args) {
        Cli.Result result = Cli.with(falcon.env()).run(args);
        assertFalse(result.err().contains("\tat "), "a stack trace:\n" + result.err());
        assertFalse(result.err().matches("(?s).*(Harness\\.|JsonNode|body argument|baseUrl\\().*"),
                "Java advice in a shell:\n" + result.err());
        return result;
    }

    private void assertUsage(Cli.Result result, String message) {
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains(message), result.err());
        assertEquals(0, falcon.requestCount(), "nothing is sent for a mistake seen locally");
    }

    @Test
    void aBaseUrlWithoutSchemeIsRefusedAtOnceWithTheUrlToType() {
        assertUsage(run("GetRoles", "ids=x", "--base-url", "127.0.0.1:8765"),
                "--base-url \"127.0.0.1:8765\" needs a scheme: write https://127.0.0.1:8765 (or http://127.0.0.1:8765");
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorEvenForADryRun() {
        assertUsage(run("GetRoles", "ids=x", "--base-url", "http://127.0.0.1:99999"), "a port is 1 to 65535");
        assertUsage(run("GetRoles", "ids=x", "--dry-run", "--base-url", "http://127.0.0.1:99999"), "a port is 1 to 65535");
    }

    @Test
    void aRefusedConnectionSaysSo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Cli.Result result = run("GetRoles", "ids=x", "--retries", "0", "--base-url", "http://127.0.0.1:" + port);
        assertEquals(ExitCodes.NETWORK, result.exitCode(), result.toString());
        assertTrue(result.err().contains("failed: connection refused"), result.err());
        assertFalse(result.err().contains("ConnectException"), result.err());
    }

    @Test
    void anEmptyBodyIsCaughtLocally() {
        assertUsage(run("CreateUser", "--body", ""), "--body is empty; give JSON text, @FILE or @-");
    }

    @Test
    void anEmptyStdinBodyIsCaughtLocally() {
        Cli.Result result = Cli.with(falcon.env()).stdin("  \n").run("CreateUser", "--body", "@-");
        assertUsage(result, "--body @-: nothing came on stdin");
    }

    @Test
    void anEmptyBodyFileIsCaughtLocally() throws IOException {
        Path empty = Files.writeString(dir.resolve("user.json"), "");
        assertUsage(run("CreateUser", "--body", "@" + empty), "the file is empty");
    }

    @Test
    void bodyMistakesAreExplainedWithOptions() {
        assertUsage(run("CreateUser", "--body", "{x"), "(check the JSON given to --body");
        assertUsage(run("GetRoles", "ids=x", "--body", "{}"), "GetRoles takes no body; drop --body");
        assertUsage(run("CreateUser"), "--body: missing required parameter; give it with --body JSON, --body @FILE or --body @-");
    }

    @Test
    void anOutputIntoAMissingDirectoryFailsBeforeTheCallIsSent() {
        Path target = dir.resolve("no/such/dir/f.json");
        assertUsage(run("GetRoles", "ids=x", "--output", target.toString()), "does not exist; create it first");
    }

    @Test
    void anOutputNamedLikeAFormatIsRefusedWithAHint() {
        assertUsage(run("GetRoles", "ids=x", "-o", "table"), "did you mean --format table?");
        assertUsage(run("GetRoles", "ids=x", "--output", "yaml"), "did you mean --format yaml?");
    }

    @Test
    void anUnknownCloudNamesTheOptionNotTheMethod() {
        Cli.Result result = run("GetRoles", "ids=x", "--cloud", "mars-1");
        assertUsage(result, "or --base-url URL for any other host");
    }

    @Test
    void manifestImportIntoAMissingDirectoryFailsWithoutAStackTrace() {
        Cli.Result result = run("manifest", "import", "src/test/resources/openapi/ticketing-openapi.yaml",
                "--out", dir.resolve("nonexistent/x.json").toString());
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("--out " + dir.resolve("nonexistent/x.json") + ": the directory"), result.err());
    }

    @Test
    void aMissingSecretFileIsNamedInWordsNotAnExceptionClass() {
        Cli.Result result = run("GetRoles", "ids=x", "--client-id", "x", "--client-secret-file", dir.resolve("nope").toString());
        assertEquals(ExitCodes.AUTH, result.exitCode());
        assertTrue(result.err().contains("cannot read " + dir.resolve("nope") + " (no such file)"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli.Result result = Cli.with(falcon.env()).run("GetRoles", "ids=x", "--base-url", "127.0.0.1:1", "--debug");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().startsWith("falcon: --base-url \"127.0.0.1:1\" needs a scheme"), result.err());
        assertTrue(result.err().contains("\tat dev.falconharness.cli.Connector"), result.err());
    }
}
