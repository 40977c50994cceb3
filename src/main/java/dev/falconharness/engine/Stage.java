package dev.falconharness.engine;

import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import java.io.IOException;

/**
 * One step around the transport: it may change the request, proceed zero or more times, and change or
 * replace the response. Retries, rate limiting, authentication and logging are each one stage; the
 * {@link Transport} is the last and the only one that touches the network.
 *
 * <p>Stages are synchronous, in the manner of OkHttp's interceptors: {@link #intercept} runs on the thread
 * that runs the call and returns when the answer is in. {@code Harness.command()} runs the chain on the
 * caller's thread; {@code Harness.commandAsync()} runs the very same chain on one of the harness's
 * executor threads. One path, so one place to read what happens.
 *
 * <pre>{@code
 * Stage userAgent = chain -> chain.proceed(chain.request().withHeader("User-Agent", "my-app/1.0"));
 * }</pre>
 *
 * <p>Stages are shared by every call of a harness and must be thread-safe. A network failure is thrown as
 * an {@link IOException}; anything else (an authentication error) as the runtime exception it is.
 */
@FunctionalInterface
public interface Stage {

    RawResponse intercept(Chain chain) throws IOException;

    /** A stage's view of the call: the request so far, the call it belongs to and the rest of the stack. */
    interface Chain {
        PreparedRequest request();

        /** The call this step belongs to: its deadline, and what a stage before this one left for it. */
        Call call();

        /** Sends {@code request} through the remaining stages; may be called again to retry. */
        RawResponse proceed(PreparedRequest request) throws IOException;
    }
}
