package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dry-run} shows without sending; {@code --verbose} shows while sending; neither shows a secret. */
class DryRunAndVerboseTest {
    private final FakeFalcon falcon = new FakeFalcon();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        falcon.close();
    }

    @Test
    void aDryRunPrintsTheExactRequestAndACurlCommandAndSendsNothing() {
        Cli.Result result = Cli.with(falcon.env()).run("--dry-run", "CreateUser",
                "--body", "{\"uid\":\"ana@example.com\",\"password\":\"hunter2\"}", "-H", "X-Trace=it's");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(0, falcon.requestCount());
        String base = falcon.baseUrl();
        String userAgent = "falcon-harness/" + dev.falconharness.Version.get() + " (Java " + Runtime.version().feature() + ")";
        assertEquals("POST " + base + "/users/entities/users/v1\n"
                + "User-Agent: " + userAgent + "\n"
                + "Accept: application/json\n"
                + "X-Trace: it's\n"
                + "Authorization: Bearer [redacted]\n"
                + "Content-Type: application/json\n"
                + "\n"
                + "{\"uid\":\"ana@example.com\",\"password\":\"[redacted]\"}\n"
                + "\n"
                + "# curl needs a token: export FALCON_TOKEN=... (POST /oauth2/token with your client ID and secret)\n"
                + "curl -X POST '" + base + "/users/entities/users/v1' \\\n"
                + "  -H 'User-Agent: " + userAgent + "' \\\n"
                + "  -H 'Accept: application/json' \\\n"
                + "  -H 'X-Trace: it'\\''s' \\\n"
                + "  -H \"Authorization: Bearer $FALCON_TOKEN\" \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  --data-binary '{\"uid\":\"ana@example.com\",\"password\":\"[redacted]\"}'\n", result.out());
        assertFalse(result.out().contains("hunter2"));
    }

    @Test
    void aDryRunNeedsNoCredentials() {
        Cli.Result result = Cli.with(Map.of()).run("GetRoles", "ids=a,b", "-n");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().startsWith("GET https://api.crowdstrike.com/user-roles/entities/user-roles/v1?ids=a&ids=b\n"),
                result.out());
        assertTrue(result.out().contains("Authorization: Bearer [redacted]"), result.out());
    }

    @Test
    void aDryRunUploadShowsCurlFormFields() throws IOException {
        Path sample = Files.writeString(dir.resolve("s.exe"), "MZ");

        Cli.Result result = Cli.with(falcon.env()).run("-n", "UploadSampleV2", "--file", "sample=@" + sample,
                "file_name=s.exe");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("sample=<file s.exe, 2 bytes, application/octet-stream>"), result.out());
        assertTrue(result.out().contains("\n  -F 'sample=@" + sample + "' \\\n  -F 'file_name=s.exe'\n"), result.out());
        assertFalse(result.out().contains("-H 'Content-Type: multipart"), result.out());
        assertEquals(0, falcon.requestCount());
    }

    @Test
    void aDryRunMasksSecretNamedQueryValues() throws IOException {
        Path manifest = Files.writeString(dir.resolve("api.json"), """
                {"format": "falcon-harness/manifest@1", "name": "mine", "operations": [
                  {"id": "Login", "method": "GET", "path": "/login", "parameters": [
                    {"name": "user", "in": "query", "type": "string"},
                    {"name": "api_key", "in": "query", "type": "string"}]}]}
                """);

        Cli.Result result = Cli.with(falcon.env()).run("-m", manifest.toString(), "-n", "Login", "user=ana",
                "api_key=" + FakeFalcon.CLIENT_SECRET);

        assertTrue(result.out().startsWith("GET " + falcon.baseUrl() + "/login?user=ana&api_key=[redacted]\n"), result.out());
    }

    @Test
    void verboseLogsEveryExchangeOnStderrWithCredentialsMasked() {
        falcon.enqueue(FakeFalcon.envelope(200, "[\"r\"]"));

        Cli.Result result = Cli.with(falcon.env()).run("-v", "CreateUser", "--body", "{\"uid\":\"a@b.c\",\"password\":\"pw1\"}");

        assertEquals(0, result.exitCode(), result.toString());
        String err = result.err();
        assertTrue(err.contains("--> POST " + falcon.baseUrl() + "/oauth2/token\n"), err);
        assertTrue(err.contains("    client_id=" + FakeFalcon.CLIENT_ID + "&client_secret=[redacted]\n"), err);
        assertTrue(err.contains("*** access token obtained, valid 1799 s\n"), err);
        assertTrue(err.contains("<-- 201 Created ("), err);
        assertTrue(err.contains("--> POST " + falcon.baseUrl() + "/users/entities/users/v1\n"), err);
        assertTrue(err.contains("    Authorization: Bearer [redacted]\n"), err);
        assertTrue(err.contains("    {\"uid\":\"a@b.c\",\"password\":\"[redacted]\"}\n"), err);
        assertTrue(err.contains("<-- 200 OK ("), err);
        assertTrue(err.contains("--> POST " + falcon.baseUrl() + "/oauth2/revoke\n"), err);
        assertTrue(err.contains("    Authorization: Basic [redacted]\n"), err);
        assertTrue(err.contains("    token=[redacted]\n"), err);
        assertFalse(err.contains("pw1"), err);
        assertEquals("{\"meta\":{\"query_time\":0.000123,\"trace_id\":\"trace-200\"},\"resources\":[\"r\"],\"errors\":[]}\n",
                result.out());
    }
}
