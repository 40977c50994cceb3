package dev.falconharness.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

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
 * @param timeout     the time the whole call may take, or null for the harness default
 * @param carriers    lower-case names of the query parameters and headers that carry a credential by role
 *                    (put there by the authentication stage), masked wholly wherever the request is shown,
 *                    whatever they are called; names that look like secrets are masked anyway
 */
public record PreparedRequest(String operationId, String method, String baseUrl, String target, Headers headers,
        RequestBody body, Duration timeout, Set<String> carriers) {

    public PreparedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        headers = headers == null ? Headers.EMPTY : headers;
        carriers = carriers == null ? Set.of() : Set.copyOf(carriers);
    }

    /** A request no stage has put a credential in yet. */
    public PreparedRequest(String operationId, String method, String baseUrl, String target, Headers headers,
            RequestBody body, Duration timeout) {
        this(operationId, method, baseUrl, target, headers, body, timeout, Set.of());
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
        return q < 0 ? base + target : base + target.substring(0, q + 1) + Redaction.form(target.substring(q + 1), carriers);
    }

    public PreparedRequest withBaseUrl(String newBaseUrl) {
        return new PreparedRequest(operationId, method, newBaseUrl, target, headers, body, timeout, carriers);
    }

    public PreparedRequest withHeaders(Headers newHeaders) {
        return new PreparedRequest(operationId, method, baseUrl, target, newHeaders, body, timeout, carriers);
    }

    /** A copy with {@code newTarget} as its path and query. */
    public PreparedRequest withTarget(String newTarget) {
        return new PreparedRequest(operationId, method, baseUrl, newTarget, headers, body, timeout, carriers);
    }

    /**
     * A copy that knows the query parameter or header {@code name} carries a credential: it is masked
     * wholly in {@link #redactedUrl()}, {@link #toString()} and {@link #maskedHeaderValue}.
     */
    public PreparedRequest withCredentialIn(String name) {
        Set<String> more = new java.util.HashSet<>(carriers);
        more.add(name.toLowerCase(java.util.Locale.ROOT));
        return new PreparedRequest(operationId, method, baseUrl, target, headers, body, timeout, more);
    }

    /** A header's value as it may be shown: credentials masked, by role and by name. */
    public String maskedHeaderValue(String name, String value) {
        return Redaction.headerValue(name, value, carriers);
    }

    /** A copy with {@code name} set to {@code value}, replacing any earlier values. */
    public PreparedRequest withHeader(String name, String value) {
        return withHeaders(headers.with(name, value));
    }

    public PreparedRequest withTimeout(Duration newTimeout) {
        return new PreparedRequest(operationId, method, baseUrl, target, headers, body, newTimeout, carriers);
    }

    /** Method, redacted URL, headers (credentials masked) and body type: safe to log. */
    @Override
    public String toString() {
        return method + " " + redactedUrl() + " " + headers.toString(carriers) + (body == null ? "" : " " + body.contentType());
    }
}
