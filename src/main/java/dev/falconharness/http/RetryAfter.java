package dev.falconharness.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads when a throttled client may try again. Falcon's {@code X-Ratelimit-Retryafter} is documented as
 * epoch milliseconds but sent, in practice, as epoch seconds; both are accepted, telling them apart by
 * size. The standard {@code Retry-After} (delay in seconds) is honoured as well. Thread-safe; stateless.
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
            return Optional.of(n > LARGEST_EPOCH_SECONDS ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> delaySeconds(String value, Instant now) {
        try {
            return Optional.of(now.plusSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
