package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.http.RetryPolicy;
import dev.falconharness.manifest.AuthSpec;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.testing.MockFalcon;
import dev.falconharness.testing.TestManifests;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication chosen by the manifest's auth block or the builder, for APIs other than Falcon. */
class GenericAuthTest {
    private MockFalcon server;

    @BeforeEach
    void start() {
        server = new MockFalcon();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Manifest manifest(String auth) {
        return TestManifests.fromJson("{'name': 'pets', " + (auth == null ? "" : "'auth': " + auth + ", ")
                + "'operations': [{'id': 'ListPets', 'method': 'GET', 'path': '/pets', 'parameters': ["
                + "{'name': 'kind', 'in': 'query'}]}]}");
    }

    private Harness harness(Manifest manifest, Credentials credentials) {
        return Harness.builder().manifest(manifest).baseUrl(server.baseUrl()).credentials(credentials)
                .retryPolicy(RetryPolicy.NONE).httpClient(MockFalcon.http11()).build();
    }

    private RecordedRequest callOnce(Harness harness) {
        server.enqueue(new MockResponse().setBody("[]"));
        harness.command("ListPets", Map.of("kind", "cat"));
        return server.take();
    }

    @Test
    void anApiKeyGoesInTheHeaderTheManifestNames() {
        try (Harness harness = harness(manifest("{'type': 'apiKey', 'in': 'header', 'name': 'X-Pet-Key'}"),
                Credentials.apiKey("key-123456"))) {
            RecordedRequest call = callOnce(harness);
            assertEquals("key-123456", call.getHeader("X-Pet-Key"));
            assertNull(call.getHeader("Authorization"));
        }
    }

    @Test
    void anApiKeyInTheQueryIsAppendedAndMaskedInMessages() {
        try (Harness harness = harness(manifest("{'type': 'apiKey', 'in': 'query', 'name': 'api_key'}"),
                Credentials.apiKey("key 7/8"))) {
            server.enqueue(new MockResponse().setBody("[]"));
            ApiResponse response = harness.command("ListPets", Map.of("kind", "cat"));
            assertEquals("/pets?kind=cat&api_key=key%207%2F8", server.take().getPath());
            assertTrue(response.request().redactedUrl().endsWith("/pets?kind=cat&api_key=[redacted]"),
                    response.request().redactedUrl());
        }
    }

    @Test
    void basicAuthCanBeChosenOnTheBuilder() {
        try (Harness harness = Harness.builder().manifest(manifest(null)).baseUrl(server.baseUrl())
                .credentials(Credentials.basic("ana", "s3cret")).auth(AuthSpec.basic()).httpClient(MockFalcon.http11()).build()) {
            String expected = "Basic " + Base64.getEncoder().encodeToString("ana:s3cret".getBytes(StandardCharsets.UTF_8));
            assertEquals(expected, callOnce(harness).getHeader("Authorization"));
        }
    }

    @Test
    void oauth2ClientCredentialsWorkAgainstAnyTokenUrlWithAScope() {
        Manifest pets = manifest("{'type': 'oauth2ClientCredentials', 'tokenUrl': '/auth/token', 'scope': 'pets:read'}");
        try (Harness harness = harness(pets, Credentials.of("pet-client", "pet-secret"))) {
            server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"access_token\":\"pet-token\",\"expires_in\":3600}"));
            server.enqueue(new MockResponse().setBody("[]"));
            harness.command("ListPets", Map.of("kind", "cat"));
            RecordedRequest token = server.take();
            RecordedRequest call = server.take();
            assertEquals("POST /auth/token", token.getMethod() + " " + token.getPath());
            assertEquals("client_id=pet-client&client_secret=pet-secret&scope=pets%3Aread", token.getBody().readUtf8());
            assertEquals("Bearer pet-token", call.getHeader("Authorization"));
        }
        // No revokeUrl in the manifest: closing sends nothing more.
        assertEquals(2, server.requestCount());
    }

    @Test
    void anAbsoluteTokenUrlMayBeAnotherHost() {
        try (MockFalcon identity = new MockFalcon()) {
            identity.enqueue(new MockResponse().setResponseCode(200).setBody("{\"access_token\":\"idp-token\"}"));
            Manifest pets = manifest("{'type': 'oauth2ClientCredentials', 'tokenUrl': '" + identity.baseUrl() + "/oauth/token'}");
            try (Harness harness = harness(pets, Credentials.of("c", "s"))) {
                server.enqueue(new MockResponse().setBody("[]"));
                harness.command("ListPets", Map.of());
                assertEquals("Bearer idp-token", server.take().getHeader("Authorization"));
                assertEquals("/oauth/token", identity.take().getPath());
            }
        }
    }

    @Test
    void aBearerSchemeSendsTheTokenAsItIs() {
        try (Harness harness = harness(manifest("{'type': 'bearer'}"), Credentials.bearerToken("given-token"))) {
            assertEquals("Bearer given-token", callOnce(harness).getHeader("Authorization"));
        }
    }

    @Test
    void noneSendsNoCredentialsEvenWhenGivenSome() {
        try (Harness harness = harness(manifest("{'type': 'none'}"), Credentials.of("id", "secret"))) {
            assertNull(callOnce(harness).getHeader("Authorization"));
        }
    }

    @Test
    void credentialsThatDoNotFitTheSchemeAreAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> harness(manifest("{'type': 'apiKey', 'in': 'header', 'name': 'X-Key'}"), Credentials.of("id", "secret")));
        assertEquals("this API authenticates with apiKey, but the harness was given client ID and secret credentials; "
                + "use Credentials.apiKey(key)", e.getMessage());
        IllegalArgumentException where = assertThrows(IllegalArgumentException.class,
                () -> harness(manifest(null), Credentials.apiKey("k")));
        assertTrue(where.getMessage().startsWith("an API key needs to know where it goes"), where.getMessage());
        assertFalse(where.getMessage().contains("\"k\""));
    }

    @Test
    void theBuilderOverridesTheManifest() {
        try (Harness harness = Harness.builder().manifest(manifest("{'type': 'basic'}")).baseUrl(server.baseUrl())
                .credentials(Credentials.apiKey("k-1")).auth(AuthSpec.apiKey(Location.HEADER, "X-Key"))
                .httpClient(MockFalcon.http11()).build()) {
            assertEquals("k-1", callOnce(harness).getHeader("X-Key"));
        }
    }

    @Test
    void theFalconManifestCarriesFalconsOAuth2() {
        assertEquals(AuthSpec.FALCON, Manifest.falcon().auth());
    }

    @Test
    void brokenAuthBlocksAreReportedWithTheirPointer() {
        var e = assertThrows(dev.falconharness.manifest.ManifestException.class,
                () -> manifest("{'type': 'apiKey', 'in': 'cookie', 'name': 'k'}"));
        assertTrue(e.getMessage().contains("test.json at /auth/in: an API key goes in \"header\" or \"query\""), e.getMessage());
        var unknown = assertThrows(dev.falconharness.manifest.ManifestException.class, () -> manifest("{'type': 'oauth1'}"));
        assertTrue(unknown.getMessage().contains("at /auth/type: unknown or missing auth type"), unknown.getMessage());
    }
}
