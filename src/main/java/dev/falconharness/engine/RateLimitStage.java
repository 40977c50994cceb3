package dev.falconharness.engine;

import dev.falconharness.http.CallListener;
import dev.falconharness.http.Headers;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps one harness's calls within the API rate limit. Waits sleep on the thread that runs the call. A 429 pauses every call of the harness until the
 * time the server named, not only the call that got it. With pacing on, calls also slow down as
 * {@code X-Ratelimit-Remaining} nears zero, so a busy harness eases off before it is throttled.
 * Thread-safe; share one per harness.
 *
 * <p>Pacing: once fewer than a tenth of the per-minute budget remains, each call waits
 * {@code (60 s / limit) * (reserve / remaining)}, growing as the budget runs out, never longer than
 * {@code maxWait}.
 */
public final class RateLimitStage implements Stage {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Sleeper sleeper;
    private final CallListener listener;
    private final boolean pacing;
    private final Duration maxWait;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);
    private volatile long limit = -1;
    private volatile long remaining = -1;

    public RateLimitStage(Clock clock, Sleeper sleeper, CallListener listener, boolean pacing, Duration maxWait) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.pacing = pacing;
        this.maxWait = maxWait;
    }

    @Override
    public RawResponse intercept(Chain chain) throws IOException {
        PreparedRequest request = chain.request();
        Duration wait = waitNeeded(request, chain.call());
        if (!wait.isZero()) {
            Call.sleep(sleeper, wait, "for the rate limit");
        }
        RawResponse response = chain.proceed(request);
        observe(response);
        return response;
    }

    /** How long this call must wait now: for a 429 pause, or for pacing; zero mostly. */
    private Duration waitNeeded(PreparedRequest request, Call call) {
        Instant until = pausedUntil.get();
        Instant now = clock.instant();
        // The usual case, no pause and no pacing, builds no Duration and no message: Duration.between
        // from Instant.MIN overflows internally (an exception per call), and the message formats a date.
        Duration pause = until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
        Duration pace = pacingDelay();
        if (pause.isZero() && pace.isZero()) {
            return Duration.ZERO;
        }
        boolean pacingWins = pace.compareTo(pause) > 0;
        Duration wanted = pacingWins ? pace : pause;
        // Never sleep past the call's deadline: the call then fails on time instead of late.
        Duration ceiling = call.remaining().compareTo(maxWait) < 0 ? call.remaining() : maxWait;
        Duration wait = ceiling.isNegative() ? Duration.ZERO : wanted.compareTo(ceiling) > 0 ? ceiling : wanted;
        listener.waiting(request, wait, pacingWins ? "pacing: " + remaining + " of " + limit + " requests left this minute"
                : "rate limit: paused until " + until);
        return wait;
    }

    private Duration pacingDelay() {
        long lim = limit;
        long left = remaining;
        long reserve = lim / 10;
        if (!pacing || lim <= 0 || left < 0 || left >= reserve) {
            return Duration.ZERO;
        }
        long perRequest = WINDOW.toNanos() / lim;
        return Duration.ofNanos(perRequest * reserve / Math.max(left, 1));
    }

    private void observe(RawResponse response) {
        Headers headers = response.headers();
        if (response.status() == 401) {
            // A 401 reports the separate 15-a-minute bucket for bad tokens, not the account's budget.
            return;
        }
        parse(headers.value("X-Ratelimit-Limit").orElse(null), true);
        parse(headers.value("X-Ratelimit-Remaining").orElse(null), false);
        if (response.status() == 429) {
            RetryAfter.from(headers, clock.instant()).ifPresent(this::pauseUntil);
        }
    }

    private void parse(String value, boolean isLimit) {
        if (value == null) {
            return;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (isLimit) {
                limit = n;
            } else {
                remaining = n;
            }
        } catch (NumberFormatException e) {
            // A garbled header tells us nothing; keep the last good value.
        }
    }

    /** Pauses every call until {@code until} (or later, if a later pause is already set). */
    public void pauseUntil(Instant until) {
        pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }
}
