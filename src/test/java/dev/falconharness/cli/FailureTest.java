package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of failure ends with its own exit code and a message that says what to do. */
class FailureTest {
    private final FakeFalcon falcon = new FakeFalcon();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        falcon.close();
    }

    private Cli cli() {
        return Cli.with(falcon.env());
    }

    @Test
    void anApiErrorPrintsTheBodyOnStdoutAndTheErrorsOnStderrAndExitsWithThree() {
        falcon.enqueue(FakeFalcon.json(404, "{\"meta\":{\"trace_id\":\"t-404\"},\"resources\":[],"
                + "\"errors\":[{\"code\":404,\"message\":\"role not found\",\"id\":\"nope\"}]}").setHeader("X-Cs-Traceid", "t-404"));

        Cli.Result result = cli().run("GetRoles", "ids=nope");

        assertEquals(ExitCodes.API_ERROR, result.exitCode());
        assertEquals("{\"meta\":{\"trace_id\":\"t-404\"},\"resources\":[],\"errors\":[{\"code\":404,\"message\":\"role not found\","
                + "\"id\":\"nope\"}]}\n", result.out());
        assertTrue(result.err().contains("HTTP 404 Not Found (GetRoles, "), result.err());
        assertTrue(result.err().contains("trace id t-404"), result.err());
        assertTrue(result.err().contains("  error: 404 role not found (nope)"), result.err());
    }

    @Test
    void anErrorResponseIsNeverSavedToTheOutputFile() {
        falcon.enqueue(FakeFalcon.json(500, "{\"errors\":[{\"code\":500,\"message\":\"boom\"}]}"));
        Path target = dir.resolve("sample.bin");

        Cli.Result result = cli().run("GetSampleV3", "ids=x", "--output", target.toString(), "--retries", "0");

        assertEquals(ExitCodes.API_ERROR, result.exitCode(), result.toString());
        assertFalse(Files.exists(target));
        assertTrue(result.out().contains("boom"));
        assertTrue(result.err().contains("The error response was not saved to " + target), result.err());
    }

    @Test
    void aRefusedTokenExitsWithFourAndNothingIsCalled() {
        falcon.refuseTokens();

        Cli.Result result = cli().run("GetRoles", "ids=a");

        assertEquals(ExitCodes.AUTH, result.exitCode(), result.toString());
        assertTrue(result.err().contains("falcon: Authentication failed: the token endpoint answered HTTP 401"), result.err());
        assertTrue(falcon.calls().isEmpty());
        assertEquals("", result.out());
    }

    @Test
    void missingCredentialsExitWithFourAfterTheArgumentsAreChecked() {
        Cli.Result valid = Cli.with(Map.of("FALCON_BASE_URL", falcon.baseUrl())).run("GetRoles", "ids=a");
        Cli.Result invalid = Cli.with(Map.of()).run("GetRoles", "idz=a");

        assertEquals(ExitCodes.AUTH, valid.exitCode());
        assertTrue(valid.err().contains("No credentials: set FALCON_CLIENT_ID and FALCON_CLIENT_SECRET"), valid.err());
        assertTrue(valid.err().contains("add --sandbox"), valid.err());
        assertEquals(ExitCodes.USAGE, invalid.exitCode());
        assertEquals(0, falcon.requestCount());
    }

    @Test
    void aNamedSecretVariableThatIsUnsetIsAnAuthenticationFailure() {
        Cli.Result result = Cli.with(Map.of()).run("--client-id", "x", "--client-secret-env", "NOPE", "GetRoles", "ids=a");

        assertEquals(ExitCodes.AUTH, result.exitCode());
        assertTrue(result.err().contains("the environment variable NOPE is not set"), result.err());
    }

    @Test
    void secretFromBothAVariableAndAFileIsAUsageError() {
        Cli.Result result = cli().run("--client-id", "x", "--client-secret-env", "A", "--client-secret-file", "b",
                "GetRoles", "ids=a");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("give one"), result.err());
    }

    @Test
    void aClosedPortIsANetworkFailureWithExitFive() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Cli.Result result = cli().env("FALCON_BASE_URL", "http://127.0.0.1:" + closedPort)
                .run("GetRoles", "ids=a", "--retries", "0");

        assertEquals(ExitCodes.NETWORK, result.exitCode(), result.toString());
        assertTrue(result.err().contains("failed: connection refused"), result.err());
        assertTrue(result.err().contains("Check the cloud or base URL, the network and any proxy"), result.err());
    }

    @Test
    void anUnknownParameterIsAUsageErrorWithTheClosestNameAndNothingIsSent() {
        Cli.Result result = cli().run("GetRoles", "idz=a");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("idz: unknown parameter; did you mean ids?"), result.err());
        assertTrue(result.err().contains("See 'falcon describe GetRoles' for its parameters."), result.err());
        assertEquals(0, falcon.requestCount());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Cli.Result result = cli().run("queryUserV1", "limit=abc", "sort=nme", "colour=red");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("3 problems"), result.err());
        assertTrue(result.err().contains("limit (query): expected an integer"), result.err());
        assertTrue(result.err().contains("is not one of the allowed values"), result.err());
        assertTrue(result.err().contains("colour: unknown parameter"), result.err());
    }

    @Test
    void anUnknownOperationSuggestsTheClosestIds() {
        Cli.Result result = cli().run("GetRolez", "ids=a");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("unknown operation \"GetRolez\""), result.err());
        assertTrue(result.err().contains("did you mean GetRoles"), result.err());
        assertEquals(0, falcon.requestCount());
    }

    @Test
    void aMistypedCommandNameSuggestsTheCommand() {
        Cli.Result result = cli().run("operaitons");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("Did you mean the command 'falcon operations'?"), result.err());
    }

    @Test
    void aWordWithoutEqualsSignAndAnUnknownOptionAreUsageErrors() {
        Cli.Result word = cli().run("GetRoles", "ids");
        Cli.Result option = cli().run("GetRoles", "ids=a", "--colour");

        assertEquals(ExitCodes.USAGE, word.exitCode());
        assertTrue(word.err().contains("expected name=value or name:=JSON, got \"ids\""), word.err());
        assertEquals(ExitCodes.USAGE, option.exitCode());
        assertTrue(option.err().contains("Unknown option: '--colour'"), option.err());
        assertTrue(option.err().contains("See 'falcon --help'."), option.err());
    }

    @Test
    void aMistypedOptionIsAnsweredWithEachCloseOptionOnce() {
        Cli.Result result = cli().run("GetRoles", "ids=a", "--dryrun");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("Unknown option: '--dryrun'\nDid you mean --dry-run?\n"), result.err());
        Cli.Result verbose = cli().run("GetRoles", "ids=a", "--verbos");
        assertTrue(verbose.err().contains("Did you mean --verbose or --version?\n"), verbose.err());
    }

    @Test
    void anInvalidJsonBodyIsRefusedBeforeSending() {
        Cli.Result result = cli().run("CreateUser", "--body", "{uid: ana}");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("the body string is not valid JSON"), result.err());
        assertEquals(0, falcon.requestCount());
    }

    @Test
    void aMissingBodyFileIsAUsageError() {
        Cli.Result result = cli().run("CreateUser", "--body", "@" + dir.resolve("missing.json"));

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("cannot read"), result.err());
    }

    @Test
    void noOperationPrintsTheUsageOnStderr() {
        Cli.Result result = cli().run();

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().startsWith("Usage: falcon"), result.err());
    }

    @Test
    void aServerThatHangsUpIsANetworkFailure() {
        // Twice: the JDK client retries a GET once when a kept-alive connection drops.
        falcon.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        falcon.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        Cli.Result result = cli().run("GetRoles", "ids=a", "--retries", "0");

        assertEquals(ExitCodes.NETWORK, result.exitCode(), result.toString());
    }

    @Test
    void aServerErrorIsRetriedAndTheRetryShowsWhenVerbose() {
        falcon.enqueue(FakeFalcon.json(503, "{\"errors\":[{\"code\":503,\"message\":\"busy\"}]}"));

        Cli.Result result = cli().run("GetRoles", "ids=a", "--verbose");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(2, falcon.calls().size());
        assertTrue(result.err().contains("<-- 503 Service Unavailable ("), result.err());
        assertTrue(result.err().matches("(?s).*\\*\\*\\* HTTP 503: attempt 2 in \\d+ ms\n.*"), result.err());
    }

    @Test
    void retriesAndTimeoutMustMakeSense() {
        assertEquals(ExitCodes.USAGE, cli().run("GetRoles", "ids=a", "--retries", "-1").exitCode());
        assertEquals(ExitCodes.USAGE, cli().run("GetRoles", "ids=a", "--timeout", "0").exitCode());
        assertEquals(ExitCodes.USAGE, cli().run("GetRoles", "ids=a", "--cloud", "mars").exitCode());
        assertEquals(ExitCodes.USAGE, cli().run("GetRoles", "ids=a", "--proxy", "nowhere").exitCode());
        assertEquals(ExitCodes.USAGE, cli().run("GetRoles", "ids=a", "--ca-cert", "/no/such.pem").exitCode());
        assertEquals(0, falcon.requestCount());
    }
}
