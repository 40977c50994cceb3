package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code falcon <OperationId> ...} round trips: what reaches the server, and what the user sees. */
class CallTest {
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
    void repeatedNamesBecomeOneMultiQueryArrayAndTheBodyIsPrintedCompactWhenPiped() {
        falcon.enqueue(FakeFalcon.envelope(200, "[{\"id\":\"a\"},{\"id\":\"b\"}]"));

        Cli.Result result = cli().run("GetRoles", "ids=a", "ids=b");

        assertEquals(0, result.exitCode(), result.toString());
        RecordedRequest call = falcon.onlyCall();
        assertEquals("GET /user-roles/entities/user-roles/v1?ids=a&ids=b HTTP/1.1", call.getRequestLine());
        assertEquals("Bearer " + FakeFalcon.TOKEN, call.getHeader("Authorization"));
        assertEquals("{\"meta\":{\"query_time\":0.000123,\"trace_id\":\"trace-200\"},\"resources\":[{\"id\":\"a\"},{\"id\":\"b\"}],"
                + "\"errors\":[]}\n", result.out());
        assertTrue(result.err().contains("HTTP 200 OK (GetRoles, "), result.err());
        assertTrue(result.err().contains("trace id trace-200"), result.err());
    }

    @Test
    void aCommaListIsSplitByTheCoreLikeCommand() {
        cli().run("GetRoles", "ids=a,b");

        assertEquals("/user-roles/entities/user-roles/v1?ids=a&ids=b", falcon.onlyCall().getPath());
    }

    @Test
    void aDeprecatedOperationIsCalledWithAWarningNamingItsReplacement() {
        Cli.Result result = cli().run("GetAvailableRoleIds");

        assertEquals(0, result.exitCode());
        assertTrue(result.err().contains("warning: GetAvailableRoleIds is deprecated; use queriesRolesV1 instead"), result.err());
    }

    @Test
    void quietLeavesOnlyTheBody() {
        Cli.Result result = cli().run("GetAvailableRoleIds", "--quiet");

        assertEquals("", result.err());
        assertTrue(result.out().startsWith("{\"meta\""));
    }

    @Test
    void anInlineBodyIsSentAsJson() {
        cli().run("CreateUser", "--body", "{\"uid\": \"ana@example.com\"}");

        RecordedRequest call = falcon.onlyCall();
        assertEquals("POST", call.getMethod());
        assertEquals("/users/entities/users/v1", call.getPath());
        assertEquals("application/json", call.getHeader("Content-Type"));
        assertEquals("{\"uid\": \"ana@example.com\"}", call.getBody().readUtf8());
    }

    @Test
    void aBodyIsReadFromAFileWithAtSign() throws IOException {
        Path file = Files.writeString(dir.resolve("user.json"), "{\"uid\": \"bo@example.com\", \"firstName\": \"Bo\"}");

        Cli.Result result = cli().run("CreateUser", "--body", "@" + file);

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("{\"uid\": \"bo@example.com\", \"firstName\": \"Bo\"}", falcon.onlyCall().getBody().readUtf8());
    }

    @Test
    void aBodyIsReadFromStdinWithAtDash() {
        Cli.Result result = cli().stdin("{\"uid\": \"cy@example.com\"}\n").run("CreateUser", "--body", "@-");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("{\"uid\": \"cy@example.com\"}\n", falcon.onlyCall().getBody().readUtf8());
    }

    @Test
    void queryParametersAndABodyGoTogether() {
        cli().run("GrantUserRoleIds", "user_uuid=u-1", "--body", "{\"roleIds\":[\"falcon_admin\"]}");

        RecordedRequest call = falcon.onlyCall();
        assertEquals("/user-roles/entities/user-roles/v1?user_uuid=u-1", call.getPath());
        assertEquals("{\"roleIds\":[\"falcon_admin\"]}", call.getBody().readUtf8());
    }

    @Test
    void aFileUploadIsSentAsMultipartFormData() throws IOException {
        Path sample = Files.write(dir.resolve("sample.bin"), new byte[] {0, 1, 2, 3, 'M', 'Z'});

        Cli.Result result = cli().run("UploadSampleV2", "--file", "sample=@" + sample, "file_name=sample.bin",
                "comment=from the CLI");

        assertEquals(0, result.exitCode(), result.toString());
        RecordedRequest call = falcon.onlyCall();
        assertEquals("/samples/entities/samples/v2", call.getPath());
        assertTrue(call.getHeader("Content-Type").startsWith("multipart/form-data; boundary="), call.getHeader("Content-Type"));
        String body = call.getBody().readString(StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("Content-Disposition: form-data; name=\"sample\"; filename=\"sample.bin\""), body);
        assertTrue(body.contains(new String(new byte[] {0, 1, 2, 3, 'M', 'Z'}, StandardCharsets.ISO_8859_1)), body);
        assertTrue(body.contains("name=\"file_name\"\r\n\r\nsample.bin"), body);
        assertTrue(body.contains("name=\"comment\"\r\n\r\nfrom the CLI"), body);
    }

    @Test
    void extraHeadersAreAddedInEitherSpelling() {
        cli().run("GetRoles", "ids=a", "--header", "X-Trace=abc=1", "-H", "X-Other: two: parts");

        RecordedRequest call = falcon.onlyCall();
        assertEquals("abc=1", call.getHeader("X-Trace"));
        assertEquals("two: parts", call.getHeader("X-Other"));
    }

    @Test
    void aHeaderTheOperationDeclaresIsRoutedAsItsParameter() throws IOException {
        Path manifest = Files.writeString(dir.resolve("api.json"), """
                {"format": "falcon-harness/manifest@1", "name": "mine", "operations": [
                  {"id": "GetThing", "method": "GET", "path": "/things/{id}", "parameters": [
                    {"name": "id", "in": "path", "type": "string", "required": true},
                    {"name": "X-Tenant", "in": "header", "type": "string", "required": true}]}]}
                """);

        Cli.Result result = cli().run("--manifest", manifest.toString(), "GetThing", "id=a b", "-H", "x-tenant: t1");

        assertEquals(0, result.exitCode(), result.toString());
        RecordedRequest call = falcon.onlyCall();
        assertEquals("/things/a%20b", call.getPath());
        assertEquals("t1", call.getHeader("X-Tenant"));
    }

    @Test
    void outputSavesABinaryDownloadAndPrintsNothingOnStdout() throws IOException {
        byte[] zip = {'P', 'K', 3, 4, 0, (byte) 0xff, 7};
        falcon.enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody(new Buffer().write(zip)));
        Path target = dir.resolve("sample.zip");

        Cli.Result result = cli().terminal().run("GetSampleV3", "ids=abc123", "--output", target.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertArrayEquals(zip, Files.readAllBytes(target));
        assertEquals("", result.out());
        assertEquals(0, result.raw().length);
        assertTrue(result.err().contains("Saved 7 bytes to " + target), result.err());
    }

    @Test
    void binaryIsNotDumpedOnATerminalButIsWrittenRawWhenPiped() {
        byte[] bytes = {1, 2, 3, (byte) 0x80};
        falcon.enqueue(new MockResponse().setHeader("Content-Type", "application/zip").setBody(new Buffer().write(bytes)));
        falcon.enqueue(new MockResponse().setHeader("Content-Type", "application/zip").setBody(new Buffer().write(bytes)));

        Cli.Result onTerminal = cli().terminal().run("GetSampleV3", "ids=abc123");
        Cli.Result piped = cli().run("GetSampleV3", "ids=abc123");

        assertEquals(0, onTerminal.raw().length);
        assertTrue(onTerminal.err().contains("4 bytes of application/zip; not shown on a terminal. Save it with --output FILE"),
                onTerminal.err());
        assertArrayEquals(bytes, piped.raw());
    }

    @Test
    void outputDashWritesEvenBinaryToStdoutOnATerminal() {
        byte[] bytes = {'7', 'z', (byte) 0xbc, (byte) 0xaf};
        falcon.enqueue(new MockResponse().setHeader("Content-Type", "application/x-7z-compressed").setBody(new Buffer().write(bytes)));

        Cli.Result result = cli().terminal().run("GetSampleV3", "ids=abc123", "--output", "-", "-q");

        assertEquals(0, result.exitCode(), result.toString());
        assertArrayEquals(bytes, result.raw());
        assertEquals("", result.err());
    }

    @Test
    void anHtmlErrorPageIsShownAsTextOnATerminal() {
        falcon.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body>Bad gateway</body></html>"));

        Cli.Result result = cli().terminal().run("GetSampleV3", "ids=abc123", "--retries", "0");

        assertEquals(ExitCodes.API_ERROR, result.exitCode());
        assertEquals("<html><body>Bad gateway</body></html>\n", result.out());
        assertTrue(result.err().contains("HTTP 502 Bad Gateway (GetSampleV3, "), result.err());
    }

    @Test
    void jsonIsPrettyOnATerminalAndEitherWayOnRequest() {
        String pretty = cli().terminal().run("GetAvailableRoleIds", "-q").out();
        String compactOnTerminal = cli().terminal().run("GetAvailableRoleIds", "-q", "--compact").out();
        String prettyWhenPiped = cli().run("GetAvailableRoleIds", "-q", "--pretty").out();

        String expected = """
                {
                  "meta": {
                    "query_time": 0.000123,
                    "trace_id": "trace-200"
                  },
                  "resources": [],
                  "errors": []
                }
                """;
        assertEquals(expected, pretty);
        assertEquals(expected, prettyWhenPiped);
        assertEquals("{\"meta\":{\"query_time\":0.000123,\"trace_id\":\"trace-200\"},\"resources\":[],\"errors\":[]}\n",
                compactOnTerminal);
    }

    @Test
    void proxyRoutesCallsThroughTheGivenHost() {
        Cli.Result result = cli().env("FALCON_BASE_URL", "http://falcon.invalid")
                .run("GetRoles", "ids=a", "--proxy", falcon.hostAndPort());

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("GET http://falcon.invalid/user-roles/entities/user-roles/v1?ids=a HTTP/1.1",
                falcon.onlyCall().getRequestLine());
    }

    @Test
    void callSubcommandCallsAnOperationLikeTheTopLevel() {
        Cli.Result result = cli().run("call", "GetRoles", "ids=x", "--compact");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("/user-roles/entities/user-roles/v1?ids=x", falcon.onlyCall().getPath());
    }

    @Test
    void theSecretCanComeFromANamedVariableOrAFileInsteadOfTheDefaultVariable() throws IOException {
        Path secretFile = Files.writeString(dir.resolve("secret"), FakeFalcon.CLIENT_SECRET + "\n");
        Cli plain = Cli.with(java.util.Map.of("MY_SECRET", FakeFalcon.CLIENT_SECRET));

        Cli.Result fromVariable = plain.run("--base-url", falcon.baseUrl(), "--client-id", FakeFalcon.CLIENT_ID,
                "--client-secret-env", "MY_SECRET", "GetAvailableRoleIds");
        Cli.Result fromFile = plain.run("--base-url", falcon.baseUrl(), "--client-id", FakeFalcon.CLIENT_ID,
                "--client-secret-file", secretFile.toString(), "GetAvailableRoleIds");

        assertEquals(0, fromVariable.exitCode(), fromVariable.toString());
        assertEquals(0, fromFile.exitCode(), fromFile.toString());
        assertEquals(2, falcon.calls().size());
    }
}
