package dev.falconharness.http;

import java.time.Duration;

/**
 * Hears what the harness does besides sending: retries, waits, token requests. Every method has an
 * empty default, so a listener implements only what it counts. Called on the thread that runs the call:
 * the caller's own for {@code command()}, a harness executor thread for {@code commandAsync()}; token
 * events on the thread that fetches the token. Implementations must be thread-safe and quick.
 *
 * <pre>{@code
 * AtomicInteger retries = new AtomicInteger();
 * Harness.builder().listener(new CallListener() {
 *     public void retrying(PreparedRequest r, int attempt, String reason, Duration delay) { retries.incrementAndGet(); }
 * });
 * }</pre>
 */
public interface CallListener {

    /** No-op. */
    CallListener NONE = new CallListener() {
    };

    /** A request is handed to the network (every attempt and token request included). */
    default void requestSent(PreparedRequest request) {
    }

    /** An answer arrived, whatever its status. */
    default void responseReceived(RawResponse response) {
    }

    /** A request got no answer: connection refused or reset, timeout. */
    default void requestFailed(PreparedRequest request, java.io.IOException failure) {
    }

    /**
     * A request is about to be sent again.
     *
     * @param attempt the attempt about to be made (2 for the first retry)
     * @param reason  why, e.g. {@code HTTP 503} or {@code ConnectException}
     * @param delay   the wait before it
     */
    default void retrying(PreparedRequest request, int attempt, String reason, Duration delay) {
    }

    /** A call waits before sending, because the API rate limit paused the harness or pacing slowed it. */
    default void waiting(PreparedRequest request, Duration delay, String reason) {
    }

    /** A new access token was obtained (the first, or a refresh). */
    default void tokenObtained(Duration lifetime) {
    }

    /**
     * Part of a download's body has been written ({@code Harness.download}): at most once a MiB and once
     * at the end. Called on one of the JDK client's threads.
     *
     * @param received bytes written so far
     * @param expected the answer's {@code Content-Length}, or -1 when it named none
     */
    default void bodyProgress(PreparedRequest request, long received, long expected) {
    }

    /** A call got a 401 and is replayed once with a fresh token. */
    default void replayingWithFreshToken(PreparedRequest request) {
    }

    /** Calls every listener in turn. */
    static CallListener all(java.util.List<CallListener> listeners) {
        if (listeners.isEmpty()) {
            return NONE;
        }
        java.util.List<CallListener> copy = java.util.List.copyOf(listeners);
        return copy.size() == 1 ? copy.get(0) : new Composite(copy);
    }

    /** Fans events out to several listeners. */
    record Composite(java.util.List<CallListener> listeners) implements CallListener {
        @Override
        public void requestSent(PreparedRequest request) {
            listeners.forEach(l -> l.requestSent(request));
        }

        @Override
        public void responseReceived(RawResponse response) {
            listeners.forEach(l -> l.responseReceived(response));
        }

        @Override
        public void requestFailed(PreparedRequest request, java.io.IOException failure) {
            listeners.forEach(l -> l.requestFailed(request, failure));
        }

        @Override
        public void retrying(PreparedRequest request, int attempt, String reason, Duration delay) {
            listeners.forEach(l -> l.retrying(request, attempt, reason, delay));
        }

        @Override
        public void waiting(PreparedRequest request, Duration delay, String reason) {
            listeners.forEach(l -> l.waiting(request, delay, reason));
        }

        @Override
        public void bodyProgress(PreparedRequest request, long received, long expected) {
            listeners.forEach(l -> l.bodyProgress(request, received, expected));
        }

        @Override
        public void tokenObtained(Duration lifetime) {
            listeners.forEach(l -> l.tokenObtained(lifetime));
        }

        @Override
        public void replayingWithFreshToken(PreparedRequest request) {
            listeners.forEach(l -> l.replayingWithFreshToken(request));
        }
    }
}
