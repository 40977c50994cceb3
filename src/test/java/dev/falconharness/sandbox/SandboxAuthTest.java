package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.AuthenticationException;
import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OAuth2 as Falcon does it: tokens for the right credentials, 401 envelopes for everything else. */
class SandboxAuthTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final FalconSandbox sandbox = FalconSandbox.builder().clock(clock).tokenLifetime(Duration.ofSeconds(60)).build();
    private final RawHttp http = new RawHttp(sandbox);

    @AfterEach
    void close() {
        sandbox.close();
    }

    @Test
    void theRightCredentialsGetA201WithABearerTokenAndNoRegionUnlessOneIsConfigured() {
        HttpResponse<String> response = http.tokenRequest("client_id=sandbox-client-id&client_secret=sandbox-client-secret");
        JsonNode json = RawHttp.json(response);
        assertEquals(201, response.statusCode());
        assertEquals("bearer", json.path("token_type").asText());
        assertEquals(60, json.path("expires_in").asInt());
        assertTrue(json.path("access_token").asText().length() >= 40, "a long random token");
        assertTrue(response.headers().firstValue("X-Cs-Region").isEmpty(), "no region: a client could move to a real cloud");
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void everyTokenIsDifferent() {
        assertFalse(http.token().equals(http.token()));
    }

    @Test
    void aWrongSecretGetsThe403TheTokenOperationDocumentsWithTheApisText() {
        HttpResponse<String> response = http.tokenRequest("client_id=sandbox-client-id&client_secret=guess");
        assertEquals(403, response.statusCode());
        assertEquals("Failed to issue access token", RawHttp.firstError(response));
        assertTrue(response.headers().firstValue("X-Sandbox-Hint").orElseThrow().contains("client_secret"));
        assertEquals(403, RawHttp.json(response).path("errors").path(0).path("code").asInt());
        assertTrue(RawHttp.json(response).path("meta").path("trace_id").isTextual());
    }

    @Test
    void aTokenRequestWithoutTheSecretIsA400NamingTheMissingField() {
        HttpResponse<String> response = http.tokenRequest("client_id=sandbox-client-id");
        assertEquals(400, response.statusCode());
        assertTrue(RawHttp.firstError(response).contains("client_secret"));
    }

    @Test
    void theHarnessReportsRefusedCredentialsWithTheServersMessage() {
        try (Harness harness = sandbox.harnessBuilder().credentials(Credentials.of("sandbox-client-id", "wrong")).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> harness.command("GetAvailableRoleIds"));
            assertTrue(e.getMessage().contains("Failed to issue access token"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong"), "the attempted secret is not echoed");
        }
    }

    @Test
    void aCallWithoutAnAuthorizationHeaderIsTheApis401ForABadTokenNotTheMissingScope403Text() {
        HttpResponse<String> response = http.get("/user-roles/queries/user-role-ids-by-cid/v1", null);
        assertEquals(401, response.statusCode());
        assertEquals("15", response.headers().firstValue("X-Ratelimit-Limit").orElseThrow());
        assertEquals("14", response.headers().firstValue("X-Ratelimit-Remaining").orElseThrow());
        assertEquals("access denied, invalid bearer token", RawHttp.firstError(response));
        assertTrue(response.headers().firstValue("X-Sandbox-Hint").orElseThrow().contains("Authorization: Bearer"));
    }

    @Test
    void aTokenTheSandboxNeverIssuedIsRefused() {
        HttpResponse<String> response = http.get("/user-roles/queries/user-role-ids-by-cid/v1", "made-up-token");
        assertEquals(401, response.statusCode());
        assertTrue(RawHttp.firstError(response).contains("invalid bearer token"));
    }

    @Test
    void anExpiredTokenIsRefusedAndSaysSo() {
        String token = http.token();
        assertEquals(200, http.get("/user-roles/queries/user-role-ids-by-cid/v1", token).statusCode());
        clock.advance(Duration.ofSeconds(60));
        HttpResponse<String> response = http.get("/user-roles/queries/user-role-ids-by-cid/v1", token);
        assertEquals(401, response.statusCode());
        assertEquals("access denied, invalid bearer token", RawHttp.firstError(response));
        assertTrue(response.headers().firstValue("X-Sandbox-Hint").orElseThrow().contains("expired"));
    }

    @Test
    void aRevokedTokenStopsWorking() {
        String token = http.token();
        HttpResponse<String> revoked = http.send("POST", "/oauth2/revoke", RawHttp.basic("sandbox-client-id",
                "sandbox-client-secret"), "application/x-www-form-urlencoded", "token=" + token);
        assertEquals(200, revoked.statusCode());
        assertEquals(401, http.get("/user-roles/queries/user-role-ids-by-cid/v1", token).statusCode());
    }

    @Test
    void revokingWithoutValidBasicCredentialsIsThe403TheOperationDocuments() {
        String token = http.token();
        HttpResponse<String> refused = http.send("POST", "/oauth2/revoke", "Bearer " + token,
                "application/x-www-form-urlencoded", "token=" + token);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("X-Sandbox-Hint").orElseThrow().contains("Basic"));
        assertEquals(403, http.send("POST", "/oauth2/revoke", RawHttp.basic("sandbox-client-id", "guess"),
                "application/x-www-form-urlencoded", "token=" + token).statusCode());
        assertEquals(200, http.get("/user-roles/queries/user-role-ids-by-cid/v1", token).statusCode());
    }

    @Test
    void closingTheHarnessRevokesItsToken() {
        Harness harness = sandbox.harness();
        harness.command("GetAvailableRoleIds").orThrow();
        assertEquals(1, sandbox.activeTokens());
        harness.close();
        assertEquals(0, sandbox.activeTokens());
    }

    @Test
    void theHarnessRefreshesItsTokenBeforeItExpires() {
        try (Harness harness = sandbox.harnessBuilder().clock(clock).build()) {
            harness.command("GetAvailableRoleIds").orThrow();
            clock.advance(Duration.ofSeconds(45));
            ApiResponse later = harness.command("GetAvailableRoleIds");
            assertEquals(200, later.statusCode());
            assertEquals(2, sandbox.tokensIssued());
        }
    }

    @Test
    void aBearerTokenThatExpiredUnderTheHarnessIsA401ItCannotRefresh() {
        String token = http.token();
        try (Harness harness = sandbox.harnessBuilder().credentials(Credentials.bearerToken(token)).build()) {
            assertEquals(200, harness.command("GetAvailableRoleIds").statusCode());
            clock.advance(Duration.ofMinutes(5));
            assertEquals(401, harness.command("GetAvailableRoleIds").statusCode());
        }
    }

    @Test
    void neitherTheSecretNorTokensAppearInDescriptions() {
        String token = http.token();
        String described;
        try (Harness harness = sandbox.harness()) {
            described = sandbox + " " + sandbox.credentials() + " " + harness;
        }
        assertFalse(described.contains(FalconSandbox.CLIENT_SECRET));
        assertFalse(described.contains(token));
        HttpResponse<String> refused = http.get("/user-roles/queries/user-role-ids-by-cid/v1", token + "x");
        assertFalse(refused.body().contains(token), "a refused token is not echoed");
    }
}
