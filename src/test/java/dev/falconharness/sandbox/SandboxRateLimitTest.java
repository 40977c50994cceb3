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

/** An enforced per-customer budget: real 429s with the Falcon headers until the window turns. */
class SandboxRateLimitTest {
    @Test
    void theBudgetIsEnforcedWithA429AndRetryAfterUntilTheWindowTurns() {
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
            assertEquals(String.valueOf(Instant.parse("2026-11-30T12:01:00Z").getEpochSecond()),
                    limited.header("X-Ratelimit-Retryafter").orElseThrow());
            clock.advance(Duration.ofSeconds(50));
            assertEquals(200, falcon.command("QueryDevicesByFilter", Map.of()).statusCode());
        }
    }

    @Test
    void aBudgetOfNothingIsRefusedAtBuild() {
        assertThrows(IllegalArgumentException.class, () -> FalconSandbox.builder().rateLimit(0, Duration.ofMinutes(1)));
    }
}
