package dev.falconharness;

import java.util.List;

/**
 * The API answered with a non-2xx status; thrown by {@link ApiResponse#orThrow()}. The message names
 * the status, the operation, the trace ID to quote to support, and the API's own error messages.
 */
public final class ApiException extends FalconHarnessException {
    private final transient ApiResponse response;

    public ApiException(ApiResponse response) {
        super(describe(response));
        this.response = response;
    }

    public int statusCode() {
        return response.statusCode();
    }

    public String traceId() {
        return response.traceId();
    }

    public List<ApiResponse.ApiError> errors() {
        return response.errors();
    }

    /** The whole response, body included. */
    public ApiResponse response() {
        return response;
    }

    private static String describe(ApiResponse response) {
        StringBuilder out = new StringBuilder("HTTP ").append(response.statusCode());
        if (response.operationId() != null) {
            out.append(" from ").append(response.operationId());
        }
        List<ApiResponse.ApiError> errors = response.errors();
        for (int i = 0; i < errors.size(); i++) {
            out.append(i == 0 ? ": " : "; ").append(errors.get(i));
        }
        if (errors.isEmpty() && !response.isJson()) {
            out.append(" (").append(response.contentType().orElse("no content type")).append(", ")
                    .append(response.bytes().length).append(" bytes)");
        }
        if (response.traceId() != null) {
            out.append(" [trace id ").append(response.traceId()).append(']');
        }
        return out.toString();
    }
}
