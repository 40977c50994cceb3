package dev.falconharness.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A request ready to send: method, target (path and encoded query), headers and an optional body.
 * Immutable and thread-safe; the {@code with...} methods return changed copies.
 *
 * <p>The base URL is kept apart from the target because it is decided late: the first token response
 * may move a Falcon client to another region, after the request was built.
 *
 * @param operationId the operation this request calls, or null for a raw request
 * @param method      the HTTP method, upper-case
 * @param baseUrl     scheme, host, port and optional base path, without a trailing slash; null until
 *                    the harness resolves it
 * @param target      the path and encoded query string, starting with {@code /}
 * @param headers     the request headers
 * @param body        the body, or null for none
 * @param timeout     the time this call may take, or null for the harness default
 */
public record PreparedRequest(String operationId, String method, String baseUrl, String target, Headers headers,
        RequestBody body, Duration timeout) {

    public PreparedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        headers = headers == null ? Headers.EMPTY : headers;
    }

    /** The full URL; requires a base URL. */
    public URI uri() {
        if (baseUrl == null) {
            throw new IllegalStateException("no base URL resolved for " + method + " " + target);
        }
        return URI.create(baseUrl + target);
    }

    /** The URL as text for people: the query values of secret-named parameters are masked. */
    public String redactedUrl() {
        String base = baseUrl == null ? "" : baseUrl;
        int q = target.indexOf('?');
        return q < 0 ? base + target : base + target.substring(0, q + 1) + Redaction.form(target.substring(q + 1));
    }

    public PreparedRequest withBaseUrl(String newBaseUrl) {
        return new PreparedRequest(operationId, method, newBaseUrl, target, headers, body, timeout);
    }

    public PreparedRequest withHeaders(Headers newHeaders) {
        return new PreparedRequest(operationId, method, baseUrl, target, newHeaders, body, timeout);
    }

    /** A copy with {@code name} set to {@code value}, replacing any earlier values. */
    public PreparedRequest withHeader(String name, String value) {
        return withHeaders(headers.with(name, value));
    }

    public PreparedRequest withTimeout(Duration newTimeout) {
        return new PreparedRequest(operationId, method, baseUrl, target, headers, body, newTimeout);
    }

    /** Method, redacted URL, headers (credentials masked) and body type: safe to log. */
    @Override
    public String toString() {
        return method + " " + redactedUrl() + " " + headers + (body == null ? "" : " " + body.contentType());
    }
}
