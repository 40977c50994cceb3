package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconharness.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sliding window against a plain list of allowed times, over many limits and call patterns. */
class RateBudgetTest {
    @Test
    void everyDecisionAndHeaderMatchesACountOfTheCallsInTheWindow() {
        SplittableRandom random = new SplittableRandom(16);
        for (int limit : new int[] {1, 2, 15, 16, 17, 40, 100}) {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
            long window = 10_000;
            RateBudget budget = new RateBudget(limit, Duration.ofMillis(window), clock);
            List<Long> allowed = new ArrayList<>();
            for (int call = 0; call < 2_000; call++) {
                clock.advance(Duration.ofMillis(random.nextInt(3) == 0 ? 0 : random.nextInt(2 * (int) window / limit + 1)));
                long now = clock.millis();
                List<Long> inWindow = allowed.stream().filter(t -> t > now - window).toList();
                Reply reply = budget.apply("CID", () -> Reply.ok(List.of()));
                String where = "limit " + limit + ", call " + call;
                if (inWindow.size() < limit) {
                    assertEquals(200, reply.status(), where);
                    assertEquals(String.valueOf(limit - inWindow.size() - 1), reply.headers().get("X-Ratelimit-Remaining"), where);
                    allowed.add(now);
                } else {
                    assertEquals(429, reply.status(), where);
                    long retry = (inWindow.get(0) + window + 999) / 1000;
                    assertEquals(String.valueOf(retry), reply.headers().get("X-Ratelimit-Retryafter"), where);
                }
            }
        }
    }

    @Test
    void customersHaveBudgetsOfTheirOwn() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        RateBudget budget = new RateBudget(1, Duration.ofMinutes(1), clock);
        assertEquals(200, budget.apply("parent", () -> Reply.ok(List.of())).status());
        assertEquals(429, budget.apply("PARENT", () -> Reply.ok(List.of())).status());
        assertEquals(200, budget.apply("child", () -> Reply.ok(List.of())).status());
    }
}
