package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.testing.MockFalcon;
import dev.falconharness.testing.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth2 client credentials, bearer tokens, refresh, revoke, and the secrets that must never show. */
class AuthenticationTest {
    private MockFalcon falcon;

    @BeforeEach
    void start() {
        falcon = new MockFalcon();
    }

    @AfterEach
    void stop() {
        falcon.close();
    }

    @Test
    void theTokenIsRequestedOnceWithTheClientCredentialsFormAndReused() {
        try (Harness harness = falcon.harness()) {
            falcon.enqueueToken().enqueueEnvelope(200, "[]").enqueueEnvelope(200, "[]");
            harness.command("GetAvailableRoleIds");
            harness.command("RetrieveEmailsByCID");
            RecordedRequest token = falcon.take();
            assertEquals("POST /oauth2/token", token.getMethod() + " " + token.getPath());
            assertEquals("application/x-www-form-urlencoded", token.getHeader("Content-Type"));
            assertEquals("client_id=test-client-id&client_secret=test-client-secret-Zq81vX", token.getBody().readUtf8());
            assertEquals(null, token.getHeader("Authorization"));
            assertEquals("/user-roles/queries/user-role-ids-by-cid/v1", falcon.take().getPath());
            assertEquals("/users/queries/emails-by-cid/v1", falcon.take().getPath());
            assertEquals(3, falcon.requestCount());
        }
    }

    @Test
    void theMemberCidIsSentForMsspChildAccounts() {
        try (Harness harness = falcon.builder()
                .credentials(Credentials.of(MockFalcon.CLIENT_ID, MockFalcon.CLIENT_SECRET).withMemberCid("child-cid")).build()) {
            falcon.enqueueToken().enqueueEnvelope(200, "[]");
            harness.command("GetAvailableRoleIds");
            assertTrue(falcon.take().getBody().readUtf8().endsWith("&member_cid=child-cid"));
        }
    }

    @Test
    void aRefusedTokenFailsTheCallWithTheApiMessageAndTheCallIsNeverSent() {
        try (Harness harness = falcon.harness()) {
            falcon.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                    .setHeader("X-Cs-Traceid", "t-auth")
                    .setBody("{\"meta\":{},\"errors\":[{\"code\":401,\"message\":\"access denied, invalid client\"}]}"));
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> harness.command("GetAvailableRoleIds"));
            assertEquals(401, e.statusCode());
            assertEquals("t-auth", e.traceId());
            assertEquals(List.of("access denied, invalid client"), e.apiMessages());
            assertTrue(e.getMessage().startsWith("Authentication failed: the token endpoint answered HTTP 401: access denied, invalid client."),
                    e.getMessage());
            assertTrue(e.getMessage().contains("FALCON_CLIENT_ID"), e.getMessage());
            assertEquals(1, falcon.requestCount());
            assertFalse(e.getMessage().contains(MockFalcon.CLIENT_SECRET));
        }
    }

    @Test
    void aTokenResponseWithoutATokenIsAnAuthenticationError() {
        try (Harness harness = falcon.harness()) {
            falcon.enqueue(new MockResponse().setResponseCode(201).setBody("{\"token_type\":\"bearer\"}"));
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> harness.command("GetAvailableRoleIds"));
            assertEquals("The token response (HTTP 201) has no access_token", e.getMessage());
        }
    }

    @Test
    void a401OnTheCallRefreshesTheTokenOnceAndReplaysOnce() {
        try (Harness harness = falcon.harness()) {
            falcon.enqueueToken("first-token", 1799).enqueue(new MockResponse().setResponseCode(401))
                    .enqueueToken("second-token", 1799).enqueueEnvelope(200, "[\"ok\"]");
            ApiResponse response = harness.command("GetAvailableRoleIds");
            assertEquals(200, response.statusCode());
            falcon.take();
            assertEquals("Bearer first-token", falcon.take().getHeader("Authorization"));
            falcon.take();
            assertEquals("Bearer second-token", falcon.take().getHeader("Authorization"));
            assertEquals(4, falcon.requestCount());
        }
    }

    @Test
    void a401OnAFreshTokenIsReturnedNotLoopedOn() {
        try (Harness harness = falcon.harness()) {
            falcon.enqueueToken().enqueue(new MockResponse().setResponseCode(401))
                    .enqueueToken().enqueue(new MockResponse().setResponseCode(401).setBody("{\"errors\":[{\"code\":401,\"message\":\"denied\"}]}"));
            ApiResponse response = harness.command("GetAvailableRoleIds");
            assertEquals(401, response.statusCode());
            assertEquals("denied", response.errors().get(0).message());
            assertEquals(4, falcon.requestCount());
        }
    }

    @Test
    void theTokenIsRefreshedAheadOfExpiry() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Harness harness = falcon.builder().clock(clock).build()) {
            falcon.enqueueToken("t1", 1799).enqueueEnvelope(200, "[]").enqueueEnvelope(200, "[]")
                    .enqueueToken("t2", 1799).enqueueEnvelope(200, "[]");
            harness.command("GetAvailableRoleIds");
            clock.advance(Duration.ofSeconds(1799 - 121));
            harness.command("GetAvailableRoleIds");
            clock.advance(Duration.ofSeconds(2));
            harness.command("GetAvailableRoleIds");
            List<String> seen = List.of(falcon.take().getPath(), falcon.take().getHeader("Authorization"),
                    falcon.take().getHeader("Authorization"), falcon.take().getPath(), falcon.take().getHeader("Authorization"));
            assertEquals(List.of("/oauth2/token", "Bearer t1", "Bearer t1", "/oauth2/token", "Bearer t2"), seen);
        }
    }

    @Test
    void closeRevokesTheTokenWithBasicAuth() {
        Harness harness = falcon.harness();
        falcon.enqueueToken().enqueueEnvelope(200, "[]").enqueue(new MockResponse().setResponseCode(200));
        harness.command("GetAvailableRoleIds");
        harness.close();
        harness.close();
        falcon.take();
        falcon.take();
        RecordedRequest revoke = falcon.take();
        assertEquals("POST /oauth2/revoke", revoke.getMethod() + " " + revoke.getPath());
        String basic = Base64.getEncoder().encodeToString((MockFalcon.CLIENT_ID + ":" + MockFalcon.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, revoke.getHeader("Authorization"));
        assertEquals("token=" + MockFalcon.TOKEN, revoke.getBody().readUtf8());
        assertEquals(3, falcon.requestCount());
        assertThrows(IllegalStateException.class, () -> harness.command("GetAvailableRoleIds"));
    }

    @Test
    void closingAHarnessThatNeverCalledSendsNothing() {
        falcon.harness().close();
        assertEquals(0, falcon.requestCount());
    }

    @Test
    void aBearerTokenIsUsedAsGivenAndNeverRevoked() {
        try (Harness harness = falcon.builder().credentials(Credentials.bearerToken("my-own-token")).build()) {
            falcon.enqueueEnvelope(200, "[]");
            harness.command("GetAvailableRoleIds");
            assertEquals("Bearer my-own-token", falcon.take().getHeader("Authorization"));
        }
        assertEquals(1, falcon.requestCount());
    }

    @Test
    void theOAuth2OperationsCalledByIdTakeNoBearerTokenAndRevokeUsesBasicAuth() {
        try (Harness harness = falcon.harness()) {
            falcon.enqueue(new MockResponse().setResponseCode(401)).enqueue(new MockResponse().setResponseCode(200));
            ApiResponse token = harness.command("oauth2AccessToken", Map.of("client_id", "x", "client_secret", "wrong"));
            assertEquals(401, token.statusCode());
            harness.command("oauth2RevokeToken", Map.of("token", "some-token"));
            RecordedRequest tokenCall = falcon.take();
            assertEquals("/oauth2/token", tokenCall.getPath());
            assertEquals(null, tokenCall.getHeader("Authorization"));
            RecordedRequest revoke = falcon.take();
            assertTrue(revoke.getHeader("Authorization").startsWith("Basic "), revoke.getHeader("Authorization"));
            assertEquals(2, falcon.requestCount());
        }
    }

    @Test
    void anUnreachableServerIsANetworkErrorNamingTheCall() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Harness harness = Harness.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .credentials(Credentials.bearerToken("tok-xyz")).httpClient(MockFalcon.http11()).build()) {
            NetworkException e = assertThrows(NetworkException.class,
                    () -> harness.command("GetRoles", Map.of("ids", "a")));
            assertTrue(e.getMessage().startsWith("GetRoles (GET http://127.0.0.1:" + closedPort
                    + "/user-roles/entities/user-roles/v1?ids=a) failed: ConnectException"), e.getMessage());
            assertFalse(e.isTimeout());
            assertFalse(e.getMessage().contains("tok-xyz"));
        }
    }

    @Test
    void secretsNeverAppearInToStrings() {
        Credentials credentials = Credentials.of(MockFalcon.CLIENT_ID, MockFalcon.CLIENT_SECRET);
        try (Harness harness = falcon.builder().credentials(credentials).build()) {
            falcon.enqueueToken().enqueueEnvelope(200, "[]");
            ApiResponse response = harness.command("GetAvailableRoleIds");
            String everything = credentials + " " + harness + " " + response + " " + response.request()
                    + " " + Credentials.bearerToken(MockFalcon.TOKEN);
            assertFalse(everything.contains(MockFalcon.CLIENT_SECRET), everything);
            assertFalse(everything.contains(MockFalcon.TOKEN), everything);
            assertTrue(response.request().toString().contains("Authorization: Bearer [redacted]"), response.request().toString());
        }
    }

    @Test
    void credentialsComeFromTheEnvironmentWithClearErrors() {
        Credentials env = Credentials.fromEnvironment(Map.of("FALCON_CLIENT_ID", "id", "FALCON_CLIENT_SECRET", "s",
                "FALCON_MEMBER_CID", "cid", "FALCON_CLOUD", "us-2"));
        assertEquals("id", env.clientId().orElseThrow());
        assertEquals("cid", env.memberCid().orElseThrow());
        assertEquals("us-2", env.cloud().orElseThrow());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Credentials.fromEnvironment(Map.of("FALCON_CLIENT_ID", "id")));
        assertTrue(e.getMessage().startsWith("Falcon credentials not found in the environment: set FALCON_CLIENT_SECRET"), e.getMessage());
    }
}
