package dev.falconharness.auth;

import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.Stage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Authenticates each request with a fixed credential: an API key in a header or the query, or HTTP
 * Basic. A caller's own {@code Authorization} header is left alone. Immutable and thread-safe;
 * {@link #toString()} shows the scheme, never the credential.
 */
public final class SigningStage implements Stage {
    private final String headerName;
    private final String headerValue;
    private final String queryPair;

    private SigningStage(String headerName, String headerValue, String queryPair) {
        this.headerName = headerName;
        this.headerValue = headerValue;
        this.queryPair = queryPair;
    }

    /** {@code name: key} on every request. */
    public static SigningStage apiKeyHeader(String name, String key) {
        return new SigningStage(name, key, null);
    }

    /** {@code ?name=key} (or {@code &name=key}) on every request. */
    public static SigningStage apiKeyQuery(String name, String key) {
        return new SigningStage(null, null, encode(name) + "=" + encode(key));
    }

    /** {@code Authorization: Basic base64(user:password)} on every request. */
    public static SigningStage basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new SigningStage("Authorization", "Basic " + token, null);
    }

    @Override
    public RawResponse intercept(Chain chain) throws IOException {
        PreparedRequest request = chain.request();
        if (headerName != null && !request.headers().contains(headerName)) {
            request = request.withHeader(headerName, headerValue);
        }
        if (queryPair != null) {
            String target = request.target();
            request = new PreparedRequest(request.operationId(), request.method(), request.baseUrl(),
                    target + (target.contains("?") ? "&" : "?") + queryPair, request.headers(), request.body(), request.timeout());
        }
        return chain.proceed(request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "SigningStage{" + (queryPair != null ? "query API key" : headerName) + ", [redacted]}";
    }
}
