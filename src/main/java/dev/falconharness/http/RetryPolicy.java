package dev.falconharness.http;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to retry. Immutable and thread-safe.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.DEFAULT.toBuilder().maxAttempts(8).maxTotalTime(Duration.ofMinutes(5)).build();
 * }</pre>
 *
 * <p>Retried: connection failures and timeouts before a response, and HTTP 429, 500, 502, 503, 504. A
 * POST or PATCH is retried only when the request provably never reached the server (the connection was
 * never made, or the server answered 429, which rejects before processing), unless
 * {@link Builder#retryNonIdempotent(boolean)} opts in. Waits use exponential backoff with full jitter:
 * a random time between zero and {@code min(maxDelay, baseDelay * 2^(attempt-1))}; a 429 waits until its
 * {@code X-Ratelimit-Retryafter} instead.
 *
 * <p>Defaults: 4 attempts, 0.5 s base delay, 60 s cap per wait (a Falcon rate-limit window), 2 min in all,
 * non-idempotent retries off.
 *
 * @param maxAttempts        attempts in all, the first included (1 means no retry)
 * @param baseDelay          the backoff unit
 * @param maxDelay           the longest single wait, whatever the server asks
 * @param maxTotalTime       the longest a call may spend from its first send to its last answer
 * @param retryNonIdempotent whether POST and PATCH are retried after errors that may follow processing
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalTime,
        boolean retryNonIdempotent) {

    /** The defaults above. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(60),
            Duration.ofMinutes(2), false);

    /** One attempt, no retries. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, false);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        for (Duration d : new Duration[] {baseDelay, maxDelay, maxTotalTime}) {
            if (Objects.requireNonNull(d, "durations").isNegative()) {
                throw new IllegalArgumentException("retry durations must not be negative, got " + d);
            }
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The wait before attempt {@code attempt + 1} after {@code attempt} failed, with full jitter. */
    public Duration backoff(int attempt, double random) {
        long unit = baseDelay.toNanos();
        long ceiling = attempt >= 62 || unit > (Long.MAX_VALUE >> attempt) ? Long.MAX_VALUE : unit << (attempt - 1);
        long capped = Math.min(ceiling, maxDelay.toNanos());
        return Duration.ofNanos((long) (capped * random));
    }

    /** Builds {@link RetryPolicy} values from an existing one. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts;
        private Duration baseDelay;
        private Duration maxDelay;
        private Duration maxTotalTime;
        private boolean retryNonIdempotent;

        private Builder(RetryPolicy from) {
            maxAttempts = from.maxAttempts;
            baseDelay = from.baseDelay;
            maxDelay = from.maxDelay;
            maxTotalTime = from.maxTotalTime;
            retryNonIdempotent = from.retryNonIdempotent;
        }

        public Builder maxAttempts(int value) { maxAttempts = value; return this; }
        public Builder baseDelay(Duration value) { baseDelay = value; return this; }
        public Builder maxDelay(Duration value) { maxDelay = value; return this; }
        public Builder maxTotalTime(Duration value) { maxTotalTime = value; return this; }
        public Builder retryNonIdempotent(boolean value) { retryNonIdempotent = value; return this; }

        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxTotalTime, retryNonIdempotent);
        }
    }
}
