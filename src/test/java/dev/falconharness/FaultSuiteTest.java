package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.http.CallListener;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.testing.FakeSleeper;
import dev.falconharness.testing.LogCapture;
import dev.falconharness.testing.MockFalcon;
import dev.falconharness.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults on the wire, each asserting the outcome, the requests the server saw and the time spent
 * waiting (on a fake clock: no test here sleeps for a retry). Every scenario runs with debug logging
 * captured, and no log line, exception or output may contain the secret or a token.
 */
class FaultSuiteTest {
    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    private MockFalcon falcon;
    private MutableClock clock;
    private FakeSleeper sleeper;
    private LogCapture logs;
    private final List<String> events = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void start() {
        falcon = new MockFalcon();
        clock = new MutableClock(START);
        sleeper = new FakeSleeper(clock);
        logs = new LogCapture();
    }

    @AfterEach
    void noSecretAnywhere() {
        logs.close();
        String everything = logs.text() + "\n" + String.join("\n", events) + "\n" + String.join("\n", seen);
        assertFalse(everything.contains(MockFalcon.CLIENT_SECRET), everything);
        assertFalse(everything.contains(MockFalcon.TOKEN), everything);
        falcon.close();
    }

    private Harness harness(RetryPolicy policy) {
        return falcon.builder().retryPolicy(policy).clock(clock).sleeper(sleeper).jitter(() -> 0.5)
                .listener(new CallListener() {
                    @Override
                    public void retrying(PreparedRequest request, int attempt, String reason, Duration delay) {
                        events.add("retry " + attempt + " " + reason + " " + delay);
                    }

                    @Override
                    public void waiting(PreparedRequest request, Duration delay, String reason) {
                        events.add("wait " + delay);
                    }

                    @Override
                    public void tokenObtained(Duration lifetime) {
                        events.add("token " + lifetime);
                    }
                }).build();
    }

    private Harness harness() {
        return harness(RetryPolicy.DEFAULT);
    }

    private static MockResponse status(int code) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody("{\"meta\":{},\"resources\":[],\"errors\":[{\"code\":" + code + ",\"message\":\"status " + code + "\"}]}");
    }

    private static MockResponse ok() {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"resources\":[\"ok\"]}");
    }

    private ApiResponse call(Harness harness, String operationId, Object body) {
        try {
            ApiResponse response = harness.command(operationId, Map.of(), body);
            seen.add(response.toString() + " " + response.text());
            return response;
        } catch (RuntimeException e) {
            seen.add(e.toString());
            throw e;
        }
    }

    @Test
    void a429WithRetryafterInEpochSecondsWaitsUntilThen() {
        falcon.enqueueToken().enqueue(status(429).setHeader("X-Ratelimit-Retryafter", START.getEpochSecond() + 7)).enqueue(ok());
        assertEquals(200, call(harness(), "GetAvailableRoleIds", null).statusCode());
        assertEquals(3, falcon.requestCount());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps());
        assertEquals(List.of("token PT29M59S", "retry 2 HTTP 429 PT7S"), events);
    }

    @Test
    void a429WithRetryafterInEpochMillisecondsIsReadAsMilliseconds() {
        falcon.enqueueToken().enqueue(status(429).setHeader("X-Ratelimit-Retryafter", START.toEpochMilli() + 2500)).enqueue(ok());
        assertEquals(200, call(harness(), "GetAvailableRoleIds", null).statusCode());
        assertEquals(List.of(Duration.ofMillis(2500)), sleeper.sleeps());
    }

    @Test
    void a429WithoutTheHeaderOrWithAPastTimeBacksOff() {
        falcon.enqueueToken().enqueue(status(429)).enqueue(status(429).setHeader("X-Ratelimit-Retryafter", START.getEpochSecond() - 60))
                .enqueue(ok());
        assertEquals(200, call(harness(), "GetAvailableRoleIds", null).statusCode());
        // Full jitter fixed at one half: 0.5 * 500 ms, then 0.5 * 1000 ms.
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), sleeper.sleeps());
    }

    @Test
    void a429IsRetriedEvenForAPostBecauseTheServerRejectedItUnprocessed() {
        falcon.enqueueToken().enqueue(status(429).setHeader("X-Ratelimit-Retryafter", START.getEpochSecond() + 1)).enqueue(ok());
        assertEquals(200, call(harness(), "CreateUser", Map.of("uid", "a@b.c")).statusCode());
        assertEquals(3, falcon.requestCount());
    }

    @Test
    void a429PausesEveryCallOfTheHarnessNotOnlyTheOneThatGotIt() {
        Harness harness = harness();
        falcon.enqueueToken().enqueue(status(429).setHeader("X-Ratelimit-Retryafter", START.getEpochSecond() + 5)).enqueue(ok());
        assertEquals(429, call(harness.withRetryPolicy(RetryPolicy.NONE), "GetAvailableRoleIds", null).statusCode());
        assertEquals(200, call(harness, "RetrieveEmailsByCID", null).statusCode());
        assertEquals(List.of(Duration.ofSeconds(5)), sleeper.sleeps());
        assertTrue(events.contains("wait PT5S"), events.toString());
    }

    @Test
    void a503ThenA200IsRetriedOnceForAGet() {
        falcon.enqueueToken().enqueue(status(503)).enqueue(ok());
        ApiResponse response = call(harness(), "GetAvailableRoleIds", null);
        assertEquals("ok", response.resources().get(0).asText());
        assertEquals(3, falcon.requestCount());
        assertEquals(List.of(Duration.ofMillis(250)), sleeper.sleeps());
    }

    @Test
    void a503IsNotRetriedForAPostUnlessTheCallerOptsIn() {
        falcon.enqueueToken().enqueue(status(503)).enqueue(status(503)).enqueue(ok());
        Harness harness = harness();
        assertEquals(503, call(harness, "CreateUser", Map.of("uid", "a@b.c")).statusCode());
        assertEquals(2, falcon.requestCount());
        Harness optIn = harness.withRetryPolicy(RetryPolicy.DEFAULT.toBuilder().retryNonIdempotent(true).build());
        assertEquals(200, call(optIn, "CreateUser", Map.of("uid", "a@b.c")).statusCode());
        assertEquals(4, falcon.requestCount());
    }

    @Test
    void aPersistentHtml502IsReturnedAfterTheLastAttempt() {
        falcon.enqueueToken();
        for (int i = 0; i < 4; i++) {
            falcon.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody("<h1>502</h1>"));
        }
        ApiResponse response = call(harness(), "GetAvailableRoleIds", null);
        assertEquals(502, response.statusCode());
        assertEquals("<h1>502</h1>", response.text());
        assertEquals(5, falcon.requestCount());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000)), sleeper.sleeps());
    }

    @Test
    void theTotalRetryTimeIsBounded() {
        RetryPolicy tight = RetryPolicy.DEFAULT.toBuilder().maxAttempts(50).baseDelay(Duration.ofSeconds(4))
                .maxTotalTime(Duration.ofSeconds(10)).build();
        falcon.enqueueToken();
        for (int i = 0; i < 10; i++) {
            falcon.enqueue(status(500));
        }
        assertEquals(500, call(harness(tight), "GetAvailableRoleIds", null).statusCode());
        // 2 s, then 4 s: the next wait (8 s) would end past the 10 s budget, so the call stops there.
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.sleeps());
        assertEquals(4, falcon.requestCount());
    }

    @Test
    void aConnectionDroppedBeforeTheRequestWasReadIsRetried() {
        // MockWebServer drops at the start of a new connection only, so this harness uses a bearer token
        // (no token request opens the connection first).
        Harness harness = falcon.builder().credentials(Credentials.bearerToken("bearer-xyz")).retryPolicy(RetryPolicy.DEFAULT)
                .clock(clock).sleeper(sleeper).jitter(() -> 0.5).build();
        MockResponse drop = new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
        falcon.enqueue(drop).enqueue(drop).enqueue(drop).enqueue(ok());
        assertEquals(200, call(harness, "GetAvailableRoleIds", null).statusCode());
        // The JDK client quietly retries a GET once on a dropped connection; the harness retries the rest.
        assertEquals(4, falcon.requestCount());
        assertEquals(List.of(Duration.ofMillis(250)), sleeper.sleeps());
    }

    @Test
    void aConnectionDroppedAfterTheRequestWasWrittenIsRetriedForAGet() {
        falcon.enqueueToken().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST)).enqueue(ok());
        assertEquals(200, call(harness(), "GetAvailableRoleIds", null).statusCode());
        assertEquals(3, falcon.requestCount());
    }

    @Test
    void aConnectionDroppedOnAPostIsNotRetriedBecauseItMayHaveBeenProcessed() {
        falcon.enqueueToken().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST)).enqueue(ok());
        NetworkException e = assertThrows(NetworkException.class, () -> call(harness(), "CreateUser", Map.of("uid", "a@b.c")));
        assertTrue(e.getMessage().startsWith("CreateUser (POST " + falcon.baseUrl() + "/users/entities/users/v1) failed: "), e.getMessage());
        assertEquals(2, falcon.requestCount());
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void aBodyThatStallsMidwayTimesOutWithinTheRequestBound() {
        Harness harness = falcon.builder().retryPolicy(RetryPolicy.DEFAULT.toBuilder().maxAttempts(2).build())
                .requestTimeout(Duration.ofMillis(300)).clock(clock).sleeper(sleeper).jitter(() -> 0.5).build();
        falcon.enqueueToken();
        for (int i = 0; i < 2; i++) {
            falcon.enqueue(ok().setBody("{\"resources\":[\"" + "x".repeat(4000) + "\"]}").throttleBody(100, 1, java.util.concurrent.TimeUnit.SECONDS));
        }
        long started = System.nanoTime();
        NetworkException e = assertThrows(NetworkException.class, () -> call(harness, "GetAvailableRoleIds", null));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(e.isTimeout(), e.getMessage());
        assertTrue(e.getMessage().endsWith("timed out"), e.getMessage());
        assertEquals(3, falcon.requestCount());
        // Two attempts of 300 ms each, far below the 40 s the throttled body would take.
        assertTrue(elapsedMs < 10_000, "took " + elapsedMs + " ms");
    }

    @Test
    void aPerCallTimeoutOverridesTheDefaultAndClosingTheViewKeepsTheToken() {
        Harness harness = harness(RetryPolicy.NONE);
        // The token first, so the 200 ms below is the impatient call's alone (it bounds the whole call).
        falcon.enqueueToken().enqueue(ok()).enqueue(ok().setHeadersDelay(1, java.util.concurrent.TimeUnit.SECONDS)).enqueue(ok());
        assertEquals(200, call(harness, "GetAvailableRoleIds", null).statusCode());
        Harness impatient = harness.withTimeout(Duration.ofMillis(200));
        NetworkException e = assertThrows(NetworkException.class, () -> call(impatient, "GetAvailableRoleIds", null));
        assertTrue(e.isTimeout(), e.getMessage());
        impatient.close();
        assertEquals(200, call(harness, "RetrieveEmailsByCID", null).statusCode());
        assertEquals(4, falcon.requestCount());
    }

    @Test
    void malformedJsonAndAnEmptyBodyAreReturnedNotRetried() {
        falcon.enqueueToken().enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"resources\":"))
                .enqueue(new MockResponse().setResponseCode(200));
        Harness harness = harness();
        ApiResponse malformed = call(harness, "GetAvailableRoleIds", null);
        assertFalse(malformed.isJson());
        assertEquals(200, malformed.statusCode());
        assertTrue(call(harness, "GetAvailableRoleIds", null).body().isMissingNode());
        assertEquals(3, falcon.requestCount());
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void theTokenEndpointsOwn401IsNotRetried() {
        falcon.enqueue(status(401));
        assertThrows(AuthenticationException.class, () -> call(harness(), "GetAvailableRoleIds", null));
        assertEquals(1, falcon.requestCount());
    }

    @Test
    void theTokenEndpointsOwn429And500AreRetriedLikeAnyCall() {
        falcon.enqueue(status(429).setHeader("X-Ratelimit-Retryafter", START.getEpochSecond() + 3)).enqueue(status(500))
                .enqueueToken().enqueue(ok());
        assertEquals(200, call(harness(), "GetAvailableRoleIds", null).statusCode());
        assertEquals(4, falcon.requestCount());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofMillis(500)), sleeper.sleeps());
    }

    @Test
    void aTokenThatExpiresDuringARunIsReplacedOnce() {
        Harness harness = harness();
        falcon.enqueueToken("token-one", 600).enqueue(ok()).enqueue(ok()).enqueueToken("token-two", 600).enqueue(ok());
        call(harness, "GetAvailableRoleIds", null);
        clock.advance(Duration.ofSeconds(479));
        call(harness, "GetAvailableRoleIds", null);
        clock.advance(Duration.ofSeconds(2));
        call(harness, "GetAvailableRoleIds", null);
        assertEquals(5, falcon.requestCount());
        assertEquals(List.of("token PT10M", "token PT10M"), events);
    }

    @Test
    void a401OnAFreshTokenReplaysOnceAndStops() {
        falcon.enqueueToken().enqueue(status(401)).enqueueToken().enqueue(status(401));
        assertEquals(401, call(harness(), "GetAvailableRoleIds", null).statusCode());
        assertEquals(4, falcon.requestCount());
    }

    @Test
    void pacingSlowsCallsAsTheBudgetRunsOut() {
        Harness harness = falcon.builder().pacing(true).clock(clock).sleeper(sleeper).retryPolicy(RetryPolicy.NONE).build();
        falcon.enqueueToken().enqueue(ok().setHeader("X-Ratelimit-Limit", "6000").setHeader("X-Ratelimit-Remaining", "100"))
                .enqueue(ok().setHeader("X-Ratelimit-Limit", "6000").setHeader("X-Ratelimit-Remaining", "5000")).enqueue(ok());
        call(harness, "GetAvailableRoleIds", null);
        call(harness, "GetAvailableRoleIds", null);
        call(harness, "GetAvailableRoleIds", null);
        // 10 ms per request at 6,000 a minute, times 600 reserved / 100 left; then plenty left again.
        assertEquals(List.of(Duration.ofMillis(60)), sleeper.sleeps());
    }

    @Test
    void retryDecisionsAreLoggedWithoutSecrets() {
        falcon.enqueueToken().enqueue(status(503)).enqueue(ok());
        call(harness(), "GetAvailableRoleIds", null);
        String text = logs.text();
        assertTrue(text.contains("retrying GetAvailableRoleIds after HTTP 503 in 250 ms (attempt 2 of 4)"), text);
        assertTrue(text.contains("--> GET " + falcon.baseUrl() + "/user-roles/queries/user-role-ids-by-cid/v1"), text);
        assertTrue(text.contains("--> POST " + falcon.baseUrl() + "/oauth2/token"), text);
    }
}
