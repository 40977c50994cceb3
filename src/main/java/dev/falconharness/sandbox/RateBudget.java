package dev.falconharness.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An enforced request budget per customer ({@code FalconSandbox.builder().rateLimit(6000, Duration.ofMinutes(1))},
 * {@code falcon sandbox --rate-limit 6000/min}) over a sliding window, as Falcon counts it: a request is
 * allowed while fewer than {@code limit} of the customer's requests were allowed in the {@code window}
 * before it. Past that, a 429 with {@code X-Ratelimit-Retryafter}: the epoch second (rounded up) at which
 * the oldest request in the window leaves it, so a client that waits until then gets through. Refused
 * requests do not count. Keeps the times of at most {@code limit} requests per customer. Thread-safe.
 */
final class RateBudget {
    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    RateBudget(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Counts a request of {@code cid}: the reply with this budget's headers, or a 429 in place of it when
     * the budget is spent (the handler is then not run).
     */
    Reply apply(String cid, Supplier<Reply> handler) {
        long now = clock.millis();
        long retryAt;
        int remaining;
        synchronized (windows) {
            Window window = windows.computeIfAbsent(cid == null ? "" : cid.toLowerCase(Locale.ROOT), k -> new Window());
            long since = now - windowMillis;
            int used = window.countAfter(since);
            if (used >= limit) {
                retryAt = window.oldestAfter(since) + windowMillis;
                remaining = -1;
            } else {
                window.add(now, limit);
                retryAt = 0;
                remaining = limit - used - 1;
            }
        }
        if (remaining < 0) {
            return Reply.error(429, "API rate limit exceeded")
                    .withHeader("X-Ratelimit-Limit", String.valueOf(limit))
                    .withHeader("X-Ratelimit-Remaining", "0")
                    .withHeader("X-Ratelimit-Retryafter", String.valueOf(Math.floorDiv(retryAt + 999, 1000)));
        }
        Reply reply = handler.get();
        return reply.hasHeader("X-Ratelimit-Limit") ? reply : reply
                .withHeader("X-Ratelimit-Limit", String.valueOf(limit))
                .withHeader("X-Ratelimit-Remaining", String.valueOf(remaining));
    }

    /**
     * The times of one customer's latest allowed requests, oldest first, in a ring that grows up to the
     * limit (so a generous budget costs memory only as it is used). Times never go backwards in it: a clock
     * that steps back counts as standing still.
     */
    private static final class Window {
        private long[] times = new long[16];
        private int head;
        private int size;

        private long at(int i) {
            return times[(head + i) % times.length];
        }

        /** How many kept times are after {@code since}: a binary search, since they are in order. */
        int countAfter(long since) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (at(mid) > since) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return size - lo;
        }

        /** The oldest kept time after {@code since}; only called when there is one. */
        long oldestAfter(long since) {
            return at(size - countAfter(since));
        }

        void add(long time, int limit) {
            long last = size == 0 ? Long.MIN_VALUE : at(size - 1);
            time = Math.max(time, last);
            if (size == limit) {
                // Full: the newest takes the slot after the last, and the oldest drops off the front.
                times[(head + size) % times.length] = time;
                head = (head + 1) % times.length;
                return;
            }
            if (size == times.length) {
                long[] grown = new long[(int) Math.min(limit, times.length * 2L)];
                for (int i = 0; i < size; i++) {
                    grown[i] = at(i);
                }
                Arrays.fill(times, 0);
                times = grown;
                head = 0;
            }
            times[(head + size) % times.length] = time;
            size++;
        }
    }
}
