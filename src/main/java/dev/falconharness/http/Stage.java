package dev.falconharness.http;

import java.util.concurrent.CompletableFuture;

/**
 * One step around the transport: it may change the request, proceed zero or more times, and change or
 * replace the response. Authentication, retries, rate limiting and logging are each one stage; the
 * {@link Transport} is the last and the only one that touches the network.
 *
 * <p>Stages are asynchronous: they return a future and never block a thread waiting for the network,
 * so many calls can be in flight at once. A synchronous call is the same chain, waited on.
 *
 * <pre>{@code
 * Stage userAgent = chain -> chain.proceed(chain.request().withHeader("User-Agent", "my-app/1.0"));
 * }</pre>
 *
 * <p>Stages are shared by every call of a harness and must be thread-safe. Failures travel as
 * exceptionally completed futures (an {@link java.io.IOException} for the network).
 */
@FunctionalInterface
public interface Stage {

    CompletableFuture<RawResponse> intercept(Chain chain);

    /** A stage's view of the call: the request so far and the rest of the stack. */
    interface Chain {
        PreparedRequest request();

        /** Sends {@code request} through the remaining stages; may be called again to retry. */
        CompletableFuture<RawResponse> proceed(PreparedRequest request);
    }
}
