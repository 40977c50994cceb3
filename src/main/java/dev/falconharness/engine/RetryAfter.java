package dev.falconharness.engine;

import dev.falconharness.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads when a throttled client may try again. Falcon's {@code X-Ratelimit-Retryafter} is documented as
 * epoch milliseconds but sent, in practice, as epoch seconds; both are accepted, telling them apart by
 * size. The standard {@code Retry-After} (delay in seconds) is honoured as well.
 *
 * <p>A server's numbers are not trusted to be sane: a moment in the past, or more than an hour away
 * (including numbers past what a date can hold, such as {@code 99999999999999999}), is treated as no
 * hint at all, so the retry policy's own backoff applies. The hour bound is checked before any date
 * arithmetic, so no header value can raise a {@link java.time.DateTimeException} or
 * {@link ArithmeticException}. Thread-safe; stateless.
 */
public final class RetryAfter {
    /** Epoch seconds stay below this until the year 5138; anything larger is taken as milliseconds. */
    private static final long LARGEST_EPOCH_SECONDS = 100_000_000_000L;
    /** A wait longer than this is not a rate-limit window but a broken header. */
    private static final Duration ABSURD = Duration.ofHours(1);

    private RetryAfter() {
    }

    /**
     * The moment the server allows the next request, or empty when the headers name none, or name one
     * in the past or absurdly far away (the caller falls back to backoff then).
     */
    public static Optional<Instant> from(Headers headers, Instant now) {
        Optional<Instant> until = headers.value("X-Ratelimit-Retryafter").flatMap(RetryAfter::epoch)
                .or(() -> headers.value("Retry-After").flatMap(v -> delaySeconds(v, now)));
        return until.filter(t -> t.isAfter(now) && Duration.between(now, t).compareTo(ABSURD) <= 0);
    }

    private static Optional<Instant> epoch(String value) {
        try {
            long n = Long.parseLong(value.strip());
            // Any long is a valid epoch millisecond; seconds are bounded to keep ofEpochSecond in range.
            return Optional.of(n > LARGEST_EPOCH_SECONDS ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(Math.max(n, 0)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> delaySeconds(String value, Instant now) {
        try {
            long seconds = Long.parseLong(value.strip());
            // Past the bound is no hint (filtered out by from); clamping first keeps plusSeconds from overflowing.
            return Optional.of(now.plusSeconds(Math.min(seconds, ABSURD.getSeconds() + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
