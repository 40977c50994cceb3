package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with another API's manifest: each named scheme's credentials come from
 * {@code FALCON_HARNESS_<SCHEME>_...}, and a dry run shows the credential the operation would carry,
 * masked, and nothing else (no bearer line, no Falcon token hint for an API-key API).
 */
class SchemeCredentialsCliTest {
    private static final String MANIFEST = """
            {"format": "falcon-harness/manifest@2", "name": "shop", "baseUrl": "https://shop.example.com",
             "securitySchemes": {
               "apiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
               "admin-basic": {"type": "basic"}},
             "security": [["apiKeyAuth"]],
             "operations": [
               {"id": "listOrders", "method": "GET", "path": "/orders", "parameters": []},
               {"id": "getHealth", "method": "GET", "path": "/health", "security": [], "parameters": []},
               {"id": "listUsers", "method": "GET", "path": "/admin/users", "security": [["admin-basic"]], "parameters": []}]}
            """;
    private static final Map<String, String> ENV = Map.of("FALCON_HARNESS_APIKEYAUTH_API_KEY", "k-secret-123",
            "FALCON_HARNESS_ADMIN_BASIC_USERNAME", "admin", "FALCON_HARNESS_ADMIN_BASIC_PASSWORD", "pw-secret-456");

    @TempDir
    Path dir;

    private String manifest() throws IOException {
        Path file = dir.resolve("shop.json");
        Files.writeString(file, MANIFEST);
        return file.toString();
    }

    @Test
    void aDryRunForAnApiKeyOperationShowsTheMaskedKeyAndNoToken() throws IOException {
        Cli.Result dry = Cli.with(ENV).run("--manifest", manifest(), "--dry-run", "listOrders");
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("X-Api-Key: [redacted]\n"), dry.out());
        assertTrue(dry.out().contains("-H \"X-Api-Key: $FALCON_HARNESS_APIKEYAUTH_API_KEY\""), dry.out());
        assertFalse(dry.out().contains("Bearer"), dry.out());
        assertFalse(dry.out().contains("/oauth2/token"), dry.out());
        assertFalse(dry.out().contains("k-secret-123"), dry.out());
    }

    @Test
    void aDryRunShowsNoCredentialForAnOperationThatTakesNone() throws IOException {
        Cli.Result dry = Cli.with(ENV).run("--manifest", manifest(), "--dry-run", "getHealth");
        assertEquals(0, dry.exitCode(), dry.err());
        assertFalse(dry.out().contains("X-Api-Key"), dry.out());
        assertFalse(dry.out().contains("Authorization"), dry.out());
    }

    @Test
    void aDryRunForABasicOperationShowsBasicMasked() throws IOException {
        Cli.Result dry = Cli.with(ENV).run("--manifest", manifest(), "--dry-run", "listUsers");
        assertTrue(dry.out().contains("Authorization: Basic [redacted]\n"), dry.out());
        assertFalse(dry.out().contains("X-Api-Key"), dry.out());
        assertFalse(dry.out().contains("pw-secret-456"), dry.out());
    }

    @Test
    void eachSchemesCredentialsComeFromItsOwnVariablesAndVerboseLogsMaskThem() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String base = server.url("").toString().replaceAll("/$", "");
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{}"));
            }
            for (String id : new String[] {"listOrders", "getHealth", "listUsers"}) {
                Cli.Result result = Cli.with(ENV).run("--manifest", manifest(), "--base-url", base, id);
                assertEquals(0, result.exitCode(), result.err());
            }
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{}"));
            Cli.Result verbose = Cli.with(ENV).run("--manifest", manifest(), "--base-url", base, "--verbose", "listUsers");
            assertTrue(verbose.err().contains("Authorization: Basic [redacted]"), verbose.err());
            assertFalse(verbose.err().contains("YWRtaW46cHctc2VjcmV0LTQ1Ng"), verbose.err());
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{}"));
            Cli.Result keyed = Cli.with(ENV).run("--manifest", manifest(), "--base-url", base, "--verbose", "listOrders");
            assertTrue(keyed.err().contains("X-Api-Key: [redacted]"), keyed.err());
            assertFalse(keyed.err().contains("k-secret-123"), keyed.err());
            RecordedRequest orders = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("k-secret-123", orders.getHeader("X-Api-Key"));
            RecordedRequest health = server.takeRequest(5, TimeUnit.SECONDS);
            assertNull(health.getHeader("X-Api-Key"));
            assertNull(health.getHeader("Authorization"));
            RecordedRequest users = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("Basic YWRtaW46cHctc2VjcmV0LTQ1Ng==", users.getHeader("Authorization"));
            assertNull(users.getHeader("X-Api-Key"));
        }
    }
}
