package dev.falconharness.cli;

import dev.falconharness.ApiResponse;

/** The one line on stderr that says how a call went: status, operation, time and trace ID. */
final class StatusLine {
    private StatusLine() {
    }

    /** E.g. {@code HTTP 404 Not Found (GetRoles, 31 ms, trace id 0b6f...)}. */
    static String of(ApiResponse response) {
        StringBuilder out = new StringBuilder("HTTP ").append(response.statusCode());
        String reason = reason(response.statusCode());
        if (!reason.isEmpty()) {
            out.append(' ').append(reason);
        }
        out.append(" (");
        if (response.operationId() != null) {
            out.append(response.operationId()).append(", ");
        }
        out.append(response.elapsed().toMillis()).append(" ms");
        if (response.traceId() != null) {
            out.append(", trace id ").append(response.traceId());
        }
        return out.append(')').toString();
    }

    /** The standard reason phrase of the statuses Falcon uses; empty for others. */
    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 207 -> "Multi-Status";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
