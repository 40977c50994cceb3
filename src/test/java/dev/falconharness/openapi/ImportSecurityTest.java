package dev.falconharness.openapi;

import static dev.falconharness.openapi.Specs.importText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.HarnessBuilder;
import dev.falconharness.ValidationException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A spec mixing API keys, bearer and basic across operations, with {@code security: []} on one: each
 * operation's requirement reaches the manifest, and each request carries exactly the credentials its
 * operation asks for.
 */
class ImportSecurityTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Shop, version: '1'}
            servers: [{url: 'https://shop.example.com'}]
            security: [{apiKeyAuth: []}]
            paths:
              /health:
                get: {operationId: getHealth, security: [], responses: {'200': {description: ok}}}
              /orders:
                get: {operationId: listOrders, responses: {'200': {description: ok}}}
              /admin/users:
                get:
                  operationId: listUsers
                  security: [{bearerAuth: []}, {adminBasic: []}]
                  responses: {'200': {description: ok}}
              /reports:
                get:
                  operationId: getReport
                  security: [{apiKeyAuth: [], queryKey: []}]
                  responses: {'200': {description: ok}}
              /legacy:
                get:
                  operationId: getLegacy
                  security: [{session: []}]
                  responses: {'200': {description: ok}}
            components:
              securitySchemes:
                apiKeyAuth: {type: apiKey, in: header, name: X-Api-Key}
                queryKey: {type: apiKey, in: query, name: sig}
                bearerAuth: {type: http, scheme: bearer}
                adminBasic: {type: http, scheme: basic}
                session: {type: apiKey, in: cookie, name: sid}
            """;

    private final MockWebServer server = new MockWebServer();
    private final ImportResult imported = importText(SPEC);

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private HarnessBuilder builder() {
        return Harness.builder().manifest(imported.manifest()).baseUrl(server.url("").toString().replaceAll("/$", ""))
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    private RecordedRequest call(Harness harness, String operationId) throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody("{}"));
        harness.command(operationId, Map.of());
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void eachOperationsRequirementReachesTheManifest() {
        assertEquals("[[\"apiKeyAuth\"]]", imported.manifestJson().get("security").toString());
        assertEquals("[]", Specs.operation(imported, "getHealth").get("security").toString());
        assertNull(Specs.operation(imported, "listOrders").get("security"));
        assertEquals("[[\"bearerAuth\"],[\"adminBasic\"]]", Specs.operation(imported, "listUsers").get("security").toString());
        assertEquals("[[\"apiKeyAuth\",\"queryKey\"]]", Specs.operation(imported, "getReport").get("security").toString());
        assertEquals("[]", Specs.operation(imported, "getLegacy").get("security").toString());
        assertEquals(List.of(), ManifestChecker.check(imported.manifestJson(), "shop.yaml"));
        assertTrue(Specs.warnings(imported).contains("at /paths/~1legacy/get/security/0 (operation getLegacy): alternative "
                + "needs session, which the manifest cannot express; dropped"), Specs.warnings(imported).toString());
    }

    @Test
    void eachRequestCarriesExactlyTheCredentialsItsOperationAsksFor() throws Exception {
        try (Harness shop = builder()
                .credentials("apiKeyAuth", Credentials.apiKey("k-123"))
                .credentials("queryKey", Credentials.apiKey("q-456"))
                .credentials("adminBasic", Credentials.basic("admin", "pw"))
                .build()) {
            RecordedRequest health = call(shop, "getHealth");
            assertNull(health.getHeader("X-Api-Key"));
            assertNull(health.getHeader("Authorization"));

            RecordedRequest orders = call(shop, "listOrders");
            assertEquals("k-123", orders.getHeader("X-Api-Key"));
            assertNull(orders.getHeader("Authorization"));
            assertEquals("/orders", orders.getPath());

            RecordedRequest users = call(shop, "listUsers");
            assertEquals("Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes()), users.getHeader("Authorization"));
            assertNull(users.getHeader("X-Api-Key"));

            RecordedRequest report = call(shop, "getReport");
            assertEquals("k-123", report.getHeader("X-Api-Key"));
            assertEquals("/reports?sig=q-456", report.getPath());
        }
    }

    @Test
    void theFirstAlternativeWithCredentialsWins() throws Exception {
        try (Harness shop = builder().credentials("bearerAuth", Credentials.bearerToken("t-789"))
                .credentials("adminBasic", Credentials.basic("admin", "pw")).build()) {
            assertEquals("Bearer t-789", call(shop, "listUsers").getHeader("Authorization"));
        }
    }

    @Test
    void anOperationWhoseSchemesHaveNoCredentialsIsRefusedBeforeSending() {
        try (Harness shop = builder().credentials("apiKeyAuth", Credentials.apiKey("k-123")).build()) {
            ValidationException e = assertThrows(ValidationException.class, () -> shop.command("listUsers", Map.of()));
            assertTrue(e.getMessage().contains("the operation accepts bearerAuth, or adminBasic, but the harness has "
                    + "credentials for apiKeyAuth only"), e.getMessage());
            assertEquals(0, server.getRequestCount());
        }
    }

    @Test
    void withoutAnyCredentialsRequestsGoUnauthenticated() throws Exception {
        try (Harness shop = builder().build()) {
            RecordedRequest orders = call(shop, "listOrders");
            assertNull(orders.getHeader("X-Api-Key"));
            assertNull(orders.getHeader("Authorization"));
        }
    }

    @Test
    void unnamedCredentialsServeTheSchemesOfTheirKind() throws Exception {
        try (Harness shop = builder().credentials(Credentials.apiKey("k-123")).build()) {
            assertEquals("k-123", call(shop, "listOrders").getHeader("X-Api-Key"));
            assertEquals("/reports?sig=k-123", call(shop, "getReport").getPath());
        }
    }

    @Test
    void credentialsForASchemeTheManifestDoesNotNameAreAMistake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder().credentials("apikeyauth", Credentials.apiKey("k")).build());
        assertTrue(e.getMessage().contains("scheme \"apikeyauth\", which the manifest \"shop\" does not name; its schemes: "
                + "apiKeyAuth, queryKey, bearerAuth, adminBasic"), e.getMessage());
    }

    @Test
    void anAsynchronousCallFetchesATokenOnlyWhenItsOperationUsesTheTokenScheme() throws Exception {
        com.fasterxml.jackson.databind.JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"format": "falcon-harness/manifest@2", "name": "mixed",
                 "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"},
                                     "oauth": {"type": "oauth2ClientCredentials", "tokenUrl": "/oauth/token"}},
                 "operations": [
                   {"id": "keyed", "method": "GET", "path": "/keyed", "security": [["key"]], "parameters": []},
                   {"id": "tokened", "method": "GET", "path": "/tokened", "security": [["oauth"]], "parameters": []}]}""");
        try (Harness mixed = Harness.builder().manifest(dev.falconharness.manifest.ManifestLoader.fromTree(manifest, "mixed"))
                .baseUrl(server.url("").toString().replaceAll("/$", ""))
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
                .credentials("key", Credentials.apiKey("k-1"))
                .credentials("oauth", Credentials.of("client", "client-secret"))
                .build()) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{}"));
            mixed.commandAsync("keyed", Map.of(), null).get(10, TimeUnit.SECONDS);
            RecordedRequest keyed = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("/keyed", keyed.getPath());
            assertEquals("k-1", keyed.getHeader("X-Key"));
            assertEquals(1, server.getRequestCount());

            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setBody("{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":1799}"));
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{}"));
            mixed.commandAsync("tokened", Map.of(), null).get(10, TimeUnit.SECONDS);
            assertEquals("/oauth/token", server.takeRequest(5, TimeUnit.SECONDS).getPath());
            RecordedRequest tokened = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("Bearer tok-1", tokened.getHeader("Authorization"));
            assertNull(tokened.getHeader("X-Key"));
        }
    }
}
