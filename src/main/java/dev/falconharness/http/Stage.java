package dev.falconharness.http;

import java.io.IOException;

/**
 * One step around the transport: it may change the request, call {@link Chain#proceed} zero or more
 * times, and change or replace the response. Authentication, retries, rate limiting and logging are
 * each one stage; the {@link Transport} is the last and the only one that touches the network.
 *
 * <pre>{@code
 * Stage userAgent = chain -> chain.proceed(chain.request().withHeader("User-Agent", "my-app/1.0"));
 * }</pre>
 *
 * <p>Stages are shared by every call of a harness and must be thread-safe.
 */
@FunctionalInterface
public interface Stage {

    RawResponse intercept(Chain chain) throws IOException;

    /** A stage's view of the call: the request so far and the rest of the stack. */
    interface Chain {
        PreparedRequest request();

        /** Sends {@code request} through the remaining stages and returns their response. */
        RawResponse proceed(PreparedRequest request) throws IOException;
    }
}
