package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.http.RetryPolicy;
import dev.falconharness.testing.FakeSleeper;
import dev.falconharness.testing.MockFalcon;
import dev.falconharness.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Absurd numbers from a server (a retry moment millions of years away, a token that never expires) are
 * bounded, never an arithmetic error from deep inside the engine.
 */
class HostileNumbersTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final FakeSleeper sleeper = new FakeSleeper(clock);

    private ApiResponse throttledOnceWith(String header, String value) {
        try (MockFalcon falcon = new MockFalcon()) {
            falcon.enqueueToken()
                    .enqueue(new MockResponse().setResponseCode(429).setHeader(header, value))
                    .enqueueEnvelope(200, "[\"ok\"]");
            try (Harness harness = falcon.builder().retryPolicy(RetryPolicy.DEFAULT).sleeper(sleeper).clock(clock).build()) {
                return harness.command("GetRoles", Map.of("ids", List.of("falcon_admin")));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999", "9223372036854775807", "-9223372036854775808", "-99999999999"})
    void anAbsurdRetryAfterMomentFallsBackToBackoff(String value) {
        ApiResponse answer = throttledOnceWith("X-Ratelimit-Retryafter", value);
        assertEquals(200, answer.statusCode());
        assertTrue(sleeper.total().compareTo(Duration.ofHours(1)) <= 0, "waited " + sleeper.total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999", "9223372036854775807", "-5", "99999999999999999999999"})
    void anAbsurdRetryAfterDelayFallsBackToBackoff(String value) {
        ApiResponse answer = throttledOnceWith("Retry-After", value);
        assertEquals(200, answer.statusCode());
        assertTrue(sleeper.total().compareTo(Duration.ofHours(1)) <= 0, "waited " + sleeper.total());
    }

    @Test
    void aRetryAfterWithinTheHourIsHonoured() {
        ApiResponse answer = throttledOnceWith("Retry-After", "120");
        assertEquals(200, answer.statusCode());
        assertTrue(sleeper.total().compareTo(Duration.ofSeconds(120)) >= 0, "waited " + sleeper.total());
    }

    @Test
    void aTokenThatClaimsToLiveForeverIsUsedNotAnArithmeticError() {
        try (MockFalcon falcon = new MockFalcon()) {
            falcon.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                    .setBody("{\"access_token\":\"" + MockFalcon.TOKEN + "\",\"expires_in\":9223372036854775807}"))
                    .enqueueEnvelope(200, "[\"a\"]")
                    .enqueueEnvelope(200, "[\"b\"]");
            try (Harness harness = falcon.builder().clock(clock).build()) {
                assertEquals(200, harness.command("GetRoles", Map.of("ids", "falcon_admin")).statusCode());
                assertEquals(200, harness.command("GetRoles", Map.of("ids", "falcon_admin")).statusCode());
                assertEquals(3, falcon.requestCount(), "one token for both calls");
            }
        }
    }
}
