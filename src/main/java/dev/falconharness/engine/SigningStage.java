package dev.falconharness.engine;

import dev.falconharness.http.PercentEncoder;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import java.io.IOException;
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
    private final String queryName;
    private final String queryPair;

    private SigningStage(String headerName, String headerValue, String queryName, String queryPair) {
        this.headerName = headerName;
        this.headerValue = headerValue;
        this.queryName = queryName;
        this.queryPair = queryPair;
    }

    /** {@code name: key} on every request. */
    public static SigningStage apiKeyHeader(String name, String key) {
        return new SigningStage(name, key, null, null);
    }

    /** {@code ?name=key} (or {@code &name=key}) on every request. */
    public static SigningStage apiKeyQuery(String name, String key) {
        return new SigningStage(null, null, name, encode(name) + "=" + encode(key));
    }

    /** {@code Authorization: Basic base64(user:password)} on every request. */
    public static SigningStage basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new SigningStage("Authorization", "Basic " + token, null, null);
    }

    @Override
    public RawResponse intercept(Chain chain) throws IOException {
        PreparedRequest request = chain.request();
        if (headerName != null && !request.headers().contains(headerName)) {
            // Marked as a credential by role: masked wherever the request is shown, whatever its name.
            request = request.withHeader(headerName, headerValue).withCredentialIn(headerName);
        }
        if (queryPair != null) {
            String target = request.target();
            request = request.withTarget(target + (target.contains("?") ? "&" : "?") + queryPair).withCredentialIn(queryName);
        }
        return chain.proceed(request);
    }

    private static String encode(String value) {
        return PercentEncoder.encode(value);
    }

    @Override
    public String toString() {
        return "SigningStage{" + (queryPair != null ? "query API key" : headerName) + ", [redacted]}";
    }
}
