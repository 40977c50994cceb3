package dev.falconharness.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * Sends a request again after a transient failure, as its {@link RetryPolicy} allows: every wait is
 * bounded by the policy, and so is the whole time a call spends retrying. Thread-safe.
 */
public final class RetryStage implements Stage {
    private static final Logger LOG = System.getLogger("dev.falconharness.http");
    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private final RetryPolicy policy;
    private final Clock clock;
    private final Waiter waiter;
    private final CallListener listener;
    private final DoubleSupplier random;

    /**
     * @param random a source of uniform values in [0, 1) for jitter (tests pass a fixed one)
     */
    public RetryStage(RetryPolicy policy, Clock clock, Waiter waiter, CallListener listener, DoubleSupplier random) {
        this.policy = policy;
        this.clock = clock;
        this.waiter = waiter;
        this.listener = listener;
        this.random = random;
    }

    @Override
    public CompletableFuture<RawResponse> intercept(Chain chain) {
        return attempt(chain, chain.request(), 1, clock.instant().plus(policy.maxTotalTime()));
    }

    private CompletableFuture<RawResponse> attempt(Chain chain, PreparedRequest request, int attempt, Instant deadline) {
        return chain.proceed(request).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = StageChain.unwrap(failure);
                Duration delay = policy.backoff(attempt, random.getAsDouble());
                if (!(cause instanceof IOException io) || !mayRetry(request, io, attempt, delay, deadline)) {
                    return CompletableFuture.<RawResponse>failedFuture(cause);
                }
                return again(chain, request, attempt, deadline, cause.getClass().getSimpleName(), delay);
            }
            Duration delay = delayAfter(response, attempt);
            if (!mayRetry(request, response, attempt, delay, deadline)) {
                return CompletableFuture.completedFuture(response);
            }
            return again(chain, request, attempt, deadline, "HTTP " + response.status(), delay);
        }).thenCompose(next -> next);
    }

    private CompletableFuture<RawResponse> again(Chain chain, PreparedRequest request, int attempt, Instant deadline,
            String reason, Duration delay) {
        int next = attempt + 1;
        LOG.log(Level.DEBUG, () -> "retrying " + describe(request) + " after " + reason + " in " + delay.toMillis()
                + " ms (attempt " + next + " of " + policy.maxAttempts() + ")");
        listener.retrying(request, next, reason, delay);
        return waiter.after(delay).thenCompose(ignored -> attempt(chain, request, next, deadline));
    }

    private boolean mayRetry(PreparedRequest request, IOException e, int attempt, Duration delay, Instant deadline) {
        if (e instanceof InterruptedIOException && !(e instanceof java.net.http.HttpTimeoutException)) {
            return false;
        }
        // Only a failed connection proves the server never saw the request; anything later may have
        // been processed, so only idempotent methods go again.
        boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
        return (neverSent || idempotent(request)) && withinBudget(attempt, delay, deadline);
    }

    private boolean mayRetry(PreparedRequest request, RawResponse response, int attempt, Duration delay, Instant deadline) {
        int status = response.status();
        if (!RETRIED_STATUSES.contains(status)) {
            return false;
        }
        // A 429 rejects the request before processing it, so it is safe to repeat whatever the method.
        return (status == 429 || idempotent(request)) && withinBudget(attempt, delay, deadline);
    }

    private boolean idempotent(PreparedRequest request) {
        return policy.retryNonIdempotent() || IDEMPOTENT.contains(request.method());
    }

    private boolean withinBudget(int attempt, Duration delay, Instant deadline) {
        return attempt < policy.maxAttempts() && !clock.instant().plus(delay).isAfter(deadline);
    }

    /** A 429 waits until the server's retry time (bounded); everything else backs off with jitter. */
    private Duration delayAfter(RawResponse response, int attempt) {
        Duration backoff = policy.backoff(attempt, random.getAsDouble());
        if (response.status() != 429) {
            return backoff;
        }
        Instant now = clock.instant();
        return RetryAfter.from(response.headers(), now)
                .map(until -> Duration.between(now, until))
                .map(wait -> wait.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : wait)
                .orElse(backoff);
    }

    private static String describe(PreparedRequest request) {
        return request.operationId() != null ? request.operationId() : request.method() + " " + request.redactedUrl();
    }
}
