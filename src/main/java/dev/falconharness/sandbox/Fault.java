package dev.falconharness.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the sandbox injects on purpose, so you can test how your automation copes with rate limits,
 * server errors, slow answers and lost connections. Immutable and thread-safe.
 *
 * <pre>{@code
 * FalconSandbox sandbox = FalconSandbox.builder()
 *         .faults(Fault.rateLimit(Duration.ofSeconds(2)).forOperation("RetrieveUser").times(1),
 *                 Fault.status(503).atRate(0.05),
 *                 Fault.delay(Duration.ofMillis(300)).forOperation("GetRoles"),
 *                 Fault.drop().forOperation("CreateUser"))
 *         .build();
 * }</pre>
 *
 * <p>Targets: {@link #forOperation(String)} matches the operation's method and path, so it also matches
 * any other operation ID that shares them (such as {@code RetrieveUser} and {@code retrieveUser}). A fault
 * for no operation applies to every request except the OAuth2 endpoints; target
 * {@code oauth2AccessToken} to fault the token endpoint. Defaults: every matching request
 * ({@code atRate(1.0)}), no limit on {@link #times(int)}. Rates draw from a {@link java.util.Random}
 * seeded by {@link FalconSandbox.Builder#faultSeed(long)}, so a sequential test sees the same faults on
 * every run.
 *
 * <p>Faults are checked in the order given; delays add up and the first status, rate-limit or drop
 * fault that fires decides the answer.
 *
 * @param kind        what happens
 * @param status      the HTTP status for {@link Kind#STATUS} (429 for {@link Kind#RATE_LIMIT}, else 0)
 * @param duration    the delay for {@link Kind#DELAY}, the retry-after for {@link Kind#RATE_LIMIT}, else zero
 * @param operationId the operation it applies to, or null for all but the OAuth2 endpoints
 * @param rate        the probability, in (0, 1], that a matching request is faulted
 * @param times       how many requests at most are faulted
 */
public record Fault(Kind kind, int status, Duration duration, String operationId, double rate, int times) {

    /** What an injected fault does. */
    public enum Kind {
        /** HTTP 429 with {@code X-Ratelimit-Retryafter} (epoch seconds) and {@code X-Ratelimit-Remaining: 0}. */
        RATE_LIMIT,
        /** An error status (4xx or 5xx) with the Falcon envelope. */
        STATUS,
        /** Waits, then answers normally (or as a later fault decides). */
        DELAY,
        /**
         * Closes the connection without an answer; the client sees an I/O error. Note that the JDK HTTP
         * client may silently resend an idempotent request (GET) once after a dropped reused connection.
         */
        DROP
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a fault's duration cannot be negative: " + duration);
        }
        if (kind == Kind.STATUS && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("an injected status must be 4xx or 5xx, got " + status);
        }
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("a fault rate must be above 0 and at most 1, got " + rate);
        }
        if (times < 1) {
            throw new IllegalArgumentException("a fault must apply at least once, got times(" + times + ")");
        }
        if (operationId != null && operationId.isBlank()) {
            throw new IllegalArgumentException("the operation ID is empty; use null for every operation");
        }
    }

    /** HTTP 429; {@code X-Ratelimit-Retryafter} says to wait {@code retryAfter} (whole seconds, rounded up). */
    public static Fault rateLimit(Duration retryAfter) {
        return new Fault(Kind.RATE_LIMIT, 429, retryAfter, null, 1.0, Integer.MAX_VALUE);
    }

    /** An error answer with this status, e.g. 500, 502 or 503. */
    public static Fault status(int status) {
        return new Fault(Kind.STATUS, status, Duration.ZERO, null, 1.0, Integer.MAX_VALUE);
    }

    /** A slow answer: waits {@code delay} before answering. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, delay, null, 1.0, Integer.MAX_VALUE);
    }

    /** A dropped connection: closed without any answer. */
    public static Fault drop() {
        return new Fault(Kind.DROP, 0, Duration.ZERO, null, 1.0, Integer.MAX_VALUE);
    }

    /** A copy that applies only to this operation (and others at the same method and path). */
    public Fault forOperation(String id) {
        return new Fault(kind, status, duration, Objects.requireNonNull(id, "operation ID"), rate, times);
    }

    /** A copy that fires for this fraction of matching requests, e.g. 0.1 for one in ten. */
    public Fault atRate(double probability) {
        return new Fault(kind, status, duration, operationId, probability, times);
    }

    /** A copy that fires at most {@code count} times, then never again (until {@link FalconSandbox#reset()}). */
    public Fault times(int count) {
        return new Fault(kind, status, duration, operationId, rate, count);
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case RATE_LIMIT -> "429, retry after " + duration.toMillis() + " ms";
            case STATUS -> "HTTP " + status;
            case DELAY -> "delay " + duration.toMillis() + " ms";
            case DROP -> "dropped connection";
        };
        return "Fault{" + what + (operationId != null ? ", " + operationId : ", any operation")
                + (rate < 1 ? ", rate " + rate : "") + (times < Integer.MAX_VALUE ? ", " + times + " times" : "") + "}";
    }
}
