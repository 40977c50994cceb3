package dev.falconharness.http;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Logs each request and its outcome through {@link System.Logger} at {@code DEBUG}: method, URL,
 * status, time and trace ID, with secrets masked. Costs nothing when debug logging is off. Thread-safe.
 */
public final class LoggingStage implements Stage {
    private static final Logger LOG = System.getLogger("dev.falconharness.http");

    @Override
    public RawResponse intercept(Chain chain) throws IOException {
        PreparedRequest request = chain.request();
        if (!LOG.isLoggable(Level.DEBUG)) {
            return chain.proceed(request);
        }
        LOG.log(Level.DEBUG, "--> " + request.method() + " " + request.redactedUrl()
                + (request.operationId() != null ? " (" + request.operationId() + ")" : ""));
        try {
            RawResponse response = chain.proceed(request);
            LOG.log(Level.DEBUG, "<-- " + response.status() + " " + request.method() + " " + request.redactedUrl()
                    + " " + response.elapsed().toMillis() + " ms, " + response.body().length + " bytes"
                    + response.headers().value("X-Cs-Traceid").map(id -> ", trace id " + id).orElse(""));
            return response;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "<-- failed " + request.method() + " " + request.redactedUrl() + ": " + e);
            throw e;
        }
    }
}
