package dev.falconharness.engine;

import dev.falconharness.http.CallListener;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.http.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Sends a request again after a transient failure, as its {@link RetryPolicy} allows. This is the one
 * retry loop of a call: the token request is made inside it (by the authentication stage), so a call
 * makes at most {@link RetryPolicy#maxAttempts()} attempts in all, whether the token endpoint or the API
 * failed. Every wait is bounded by the policy and by the call's deadline; the waits sleep on the thread
 * that runs the call, through the {@link Sleeper}. Thread-safe.
 */
public final class RetryStage implements Stage {
    private static final Logger LOG = System.getLogger("dev.falconharness.http");
    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);
    private static final Set<String> IDEMPOTENT = dev.falconharness.http.HttpMethods.IDEMPOTENT;

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CallListener listener;
    private final DoubleSupplier random;

    /**
     * @param random a source of uniform values in [0, 1) for jitter (tests pass a fixed one)
     */
    public RetryStage(RetryPolicy policy, Clock clock, Sleeper sleeper, CallListener listener, DoubleSupplier random) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.random = random;
    }

    @Override
    public RawResponse intercept(Chain chain) throws IOException {
        PreparedRequest request = chain.request();
        Instant budgetEnd = clock.instant().plus(policy.maxTotalTime());
        for (int attempt = 1; ; attempt++) {
            RawResponse response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                Duration delay = delayAfter(e, attempt);
                if (!mayRetry(request, e) || !withinBudget(chain.call(), attempt, delay, budgetEnd)) {
                    throw e;
                }
                pause(request, attempt, reason(e), delay);
                continue;
            }
            Duration delay = delayAfter(response, attempt);
            if (!mayRetry(request, response) || !withinBudget(chain.call(), attempt, delay, budgetEnd)) {
                return response;
            }
            pause(request, attempt, "HTTP " + response.status(), delay);
        }
    }

    private void pause(PreparedRequest request, int attempt, String reason, Duration delay) throws InterruptedIOException {
        int next = attempt + 1;
        LOG.log(Level.DEBUG, () -> "retrying " + describe(request) + " after " + reason + " in " + delay.toMillis()
                + " ms (attempt " + next + " of " + policy.maxAttempts() + ")");
        listener.retrying(request, next, reason, delay);
        Call.sleep(sleeper, delay, "to retry " + describe(request));
    }

    private boolean mayRetry(PreparedRequest request, IOException e) {
        if (e instanceof BodyTooLargeException || e instanceof UnsendableHeaderException || e instanceof BodySink.LocalWriteException) {
            // The same request would get the same answer, or fail the same way before leaving.
            return false;
        }
        if (e instanceof TokenUnavailableException token) {
            // The call itself never left: whatever its method, asking again is safe, unless the token
            // endpoint answered with a status that does not pass.
            return token.status() == 0 ? mayRetryLost(token.networkCause()) : RETRIED_STATUSES.contains(token.status());
        }
        if (!mayRetryLost(e)) {
            return false;
        }
        // Only a failed connection proves the server never saw the request; anything later may have
        // been processed, so only idempotent methods go again.
        return neverSent(e) || idempotent(request);
    }

    /** A lost exchange is worth another try, unless someone interrupted the caller or the answer was too big. */
    private static boolean mayRetryLost(IOException e) {
        return e != null && !(e instanceof InterruptedIOException) && !(e instanceof BodyTooLargeException);
    }

    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
    }

    private boolean mayRetry(PreparedRequest request, RawResponse response) {
        int status = response.status();
        if (!RETRIED_STATUSES.contains(status)) {
            return false;
        }
        // A 429 rejects the request before processing it, so it is safe to repeat whatever the method.
        return status == 429 || idempotent(request);
    }

    private boolean idempotent(PreparedRequest request) {
        return policy.retryNonIdempotent() || IDEMPOTENT.contains(request.method());
    }

    /** Another attempt is allowed, and its wait ends before both the retry budget and the call's deadline. */
    private boolean withinBudget(Call call, int attempt, Duration delay, Instant budgetEnd) {
        return attempt < policy.maxAttempts() && !clock.instant().plus(delay).isAfter(budgetEnd)
                && delay.compareTo(call.remaining()) < 0;
    }

    private Duration delayAfter(IOException e, int attempt) {
        return e instanceof TokenUnavailableException token && token.response() != null
                ? delayAfter(token.response(), attempt) : policy.backoff(attempt, random.getAsDouble());
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

    private static String reason(IOException e) {
        if (e instanceof TokenUnavailableException token) {
            return token.status() != 0 ? "token endpoint HTTP " + token.status()
                    : "token request " + simpleName(token.networkCause());
        }
        return simpleName(e);
    }

    private static String simpleName(IOException e) {
        return e == null ? "failure" : e.getClass().getSimpleName();
    }

    private static String describe(PreparedRequest request) {
        return request.operationId() != null ? request.operationId() : request.method() + " " + request.redactedUrl();
    }
}
