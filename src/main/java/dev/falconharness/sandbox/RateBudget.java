package dev.falconharness.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An enforced request budget per customer ({@code FalconSandbox.builder().rateLimit(6000, Duration.ofMinutes(1))},
 * {@code falcon sandbox --rate-limit 6000/min}): each customer may make {@code limit} authenticated
 * requests per fixed window of {@code window}; past that, a 429 with {@code X-Ratelimit-Retryafter} (the
 * epoch second the window ends, as Falcon sends it) until the window turns. A fixed window is simpler than
 * Falcon's and enough for a client's back-off to be tested. Thread-safe.
 */
final class RateBudget {
    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, long[]> windows = new HashMap<>();

    RateBudget(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Counts a request of {@code cid}: the reply with this budget's headers, or a 429 in place of it when
     * the budget is spent (the handler is then not run).
     */
    Reply apply(String cid, java.util.function.Supplier<Reply> handler) {
        long now = clock.millis();
        long windowStart = now - Math.floorMod(now, windowMillis);
        int used;
        synchronized (windows) {
            long[] state = windows.computeIfAbsent(cid == null ? "" : cid.toLowerCase(Locale.ROOT), k -> new long[2]);
            if (state[0] != windowStart) {
                state[0] = windowStart;
                state[1] = 0;
            }
            used = (int) Math.min(Integer.MAX_VALUE, ++state[1]);
        }
        if (used > limit) {
            long retryAt = (windowStart + windowMillis + 999) / 1000;
            return Reply.error(429, "API rate limit exceeded")
                    .withHeader("X-Ratelimit-Limit", String.valueOf(limit))
                    .withHeader("X-Ratelimit-Remaining", "0")
                    .withHeader("X-Ratelimit-Retryafter", String.valueOf(retryAt));
        }
        Reply reply = handler.get();
        return reply.hasHeader("X-Ratelimit-Limit") ? reply : reply
                .withHeader("X-Ratelimit-Limit", String.valueOf(limit))
                .withHeader("X-Ratelimit-Remaining", String.valueOf(limit - used));
    }
}
