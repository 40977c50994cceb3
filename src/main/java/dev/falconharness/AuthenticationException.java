package dev.falconharness;

import java.util.List;

/**
 * No access token could be obtained, so the call was not sent. Carries the token endpoint's status,
 * trace ID and error messages (never the credentials).
 */
public final class AuthenticationException extends FalconHarnessException {
    private final int statusCode;
    private final String traceId;
    private final List<String> apiMessages;

    public AuthenticationException(String message, int statusCode, String traceId, List<String> apiMessages) {
        super(message);
        this.statusCode = statusCode;
        this.traceId = traceId;
        this.apiMessages = List.copyOf(apiMessages);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
        this.traceId = null;
        this.apiMessages = List.of();
    }

    /** The token endpoint's HTTP status, or 0 when it could not be reached. */
    public int statusCode() {
        return statusCode;
    }

    /** The token response's {@code X-Cs-Traceid}, or null. */
    public String traceId() {
        return traceId;
    }

    /** The {@code errors[].message} values of the token response. */
    public List<String> apiMessages() {
        return apiMessages;
    }
}
