package dev.falconharness.http;

import java.util.Set;

/** The HTTP methods the harness sends, in one place: the manifest's rules, raw requests and retries use them. */
public final class HttpMethods {
    /** Every method an operation may have. */
    public static final Set<String> ALL = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** The methods that may be repeated without changing the outcome (RFC 9110 9.2.2). */
    public static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private HttpMethods() {
    }
}
