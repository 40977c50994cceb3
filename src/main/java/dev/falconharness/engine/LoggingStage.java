package dev.falconharness.engine;

import dev.falconharness.http.CallListener;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;

/**
 * Reports each exchange as it crosses the wire: to {@link System.Logger} at {@code DEBUG} (method, URL,
 * status, time and trace ID, secrets masked; nothing is formatted when debug is off) and to the
 * {@link CallListener}. It sits just before the transport, so retries and token requests show too.
 * Thread-safe.
 */
public final class LoggingStage implements Stage {
    private static final Logger LOG = System.getLogger("dev.falconharness.http");

    private final CallListener listener;

    public LoggingStage(CallListener listener) {
        this.listener = listener;
    }

    @Override
    public RawResponse intercept(Chain chain) throws IOException {
        PreparedRequest request = chain.request();
        boolean debug = LOG.isLoggable(Level.DEBUG);
        if (debug) {
            LOG.log(Level.DEBUG, "--> " + request.method() + " " + request.redactedUrl()
                    + (request.operationId() != null ? " (" + request.operationId() + ")" : ""));
        }
        listener.requestSent(request);
        RawResponse response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            listener.requestFailed(request, e);
            if (debug) {
                LOG.log(Level.DEBUG, "<-- failed " + request.method() + " " + request.redactedUrl() + ": " + e);
            }
            throw e;
        }
        listener.responseReceived(response);
        if (debug) {
            LOG.log(Level.DEBUG, describe(request, response));
        }
        return response;
    }

    private static String describe(PreparedRequest request, RawResponse response) {
        return "<-- " + response.status() + " " + request.method() + " " + request.redactedUrl() + " "
                + response.elapsed().toMillis() + " ms, " + response.body().length + " bytes"
                + response.headers().value("X-Cs-Traceid").map(id -> ", trace id " + id).orElse("");
    }
}
