package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An enforced per-customer budget over a sliding window: real 429s with the Falcon headers. */
class SandboxRateLimitTest {
    @Test
    void theBudgetIsEnforcedWithA429AndRetryAfterUntilTheOldestCallLeavesTheWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:10Z"));
        try (FalconSandbox sandbox = FalconSandbox.builder().clock(clock).rateLimit(3, Duration.ofMinutes(1)).build();
             Harness falcon = sandbox.harnessBuilder().retryPolicy(RetryPolicy.NONE).build()) {
            ApiResponse first = falcon.command("QueryDevicesByFilter", Map.of());
            assertEquals("3", first.header("X-Ratelimit-Limit").orElseThrow());
            assertEquals("2", first.header("X-Ratelimit-Remaining").orElseThrow());
            falcon.command("QueryDevicesByFilter", Map.of()).orThrow();
            falcon.command("QueryDevicesByFilter", Map.of()).orThrow();
            ApiResponse limited = falcon.command("QueryDevicesByFilter", Map.of());
            assertEquals(429, limited.statusCode());
            assertEquals("0", limited.header("X-Ratelimit-Remaining").orElseThrow());
            assertEquals(String.valueOf(Instant.parse("2026-11-30T12:01:10Z").getEpochSecond()),
                    limited.header("X-Ratelimit-Retryafter").orElseThrow());
            clock.advance(Duration.ofSeconds(59));
            assertEquals(429, falcon.command("QueryDevicesByFilter", Map.of()).statusCode(),
                    "a sliding window does not turn on the minute");
            clock.advance(Duration.ofSeconds(1));
            ApiResponse again = falcon.command("QueryDevicesByFilter", Map.of());
            assertEquals(200, again.statusCode());
            assertEquals("2", again.header("X-Ratelimit-Remaining").orElseThrow(), "all three calls left at once");
        }
    }

    @Test
    void callsSpreadOverTheWindowLeaveItOneByOne() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        try (FalconSandbox sandbox = FalconSandbox.builder().clock(clock).rateLimit(3, Duration.ofSeconds(30)).build();
             Harness falcon = sandbox.harnessBuilder().retryPolicy(RetryPolicy.NONE).build()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, falcon.command("QueryDevicesByFilter", Map.of()).statusCode());
                clock.advance(Duration.ofSeconds(10));
            }
            // 12:00:30: the call of 12:00:00 has just left the window, the others are in it.
            ApiResponse fourth = falcon.command("QueryDevicesByFilter", Map.of());
            assertEquals(200, fourth.statusCode());
            assertEquals("0", fourth.header("X-Ratelimit-Remaining").orElseThrow());
            ApiResponse limited = falcon.command("QueryDevicesByFilter", Map.of());
            assertEquals(429, limited.statusCode());
            assertEquals(String.valueOf(Instant.parse("2026-11-30T12:00:40Z").getEpochSecond()),
                    limited.header("X-Ratelimit-Retryafter").orElseThrow());
            clock.advance(Duration.ofSeconds(10));
            assertEquals(200, falcon.command("QueryDevicesByFilter", Map.of()).statusCode());
        }
    }

    @Test
    void theHarnessWaitsOutA429ByItsRetryAfterAndGetsThrough() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        java.util.List<Duration> waits = new java.util.ArrayList<>();
        try (FalconSandbox sandbox = FalconSandbox.builder().clock(clock).rateLimit(2, Duration.ofSeconds(20)).build();
             Harness falcon = sandbox.harnessBuilder().clock(clock).sleeper(d -> {
                 waits.add(d);
                 clock.advance(d);
             }).build()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(200, falcon.command("QueryDevicesByFilter", Map.of()).statusCode());
            }
            assertEquals(2, waits.size(), "one wait for each spent window: " + waits);
            waits.forEach(w -> assertEquals(Duration.ofSeconds(20), w));
        }
    }

    @Test
    void aBudgetOfNothingIsRefusedAtBuild() {
        assertThrows(IllegalArgumentException.class, () -> FalconSandbox.builder().rateLimit(0, Duration.ofMinutes(1)));
    }
}
