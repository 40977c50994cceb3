package dev.falconharness.cli;

import dev.falconharness.ApiResponse;
import dev.falconharness.AuthenticationException;
import dev.falconharness.Cloud;
import dev.falconharness.Harness;
import dev.falconharness.HarnessBuilder;
import dev.falconharness.auth.AccessToken;
import dev.falconharness.auth.TokenSource;
import dev.falconharness.manifest.AuthSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Falcon token source that keeps its token in the {@link TokenCache} between invocations: a cached,
 * still-valid token is used as it is; otherwise one is requested ({@code oauth2AccessToken}, through a
 * harness of its own without authentication, following Falcon's region header once) and cached. A 401
 * drops the cached token ({@link #invalidate}); {@link #close} keeps it, since the next invocation wants
 * it (revoking is {@code falcon auth logout}'s job). Thread-safe: one fetch at a time.
 */
final class CachedTokenSource implements TokenSource {
    private static final String REGION_HEADER = "X-Cs-Region";

    private final TokenCache cache;
    private final String clientId;
    private final String secret;
    private final String memberCid;
    private final String where;
    private final Consumer<HarnessBuilder> connection;
    private final Clock clock;
    private String baseUrl;
    private TokenCache.Entry held;
    private java.io.PrintWriter log;

    /**
     * @param where      the base URL or cloud name the user gave ({@code auto} when none)
     * @param connection applies the timeout, proxy and CA options to the token request's harness
     */
    CachedTokenSource(TokenCache cache, String clientId, String secret, String memberCid, String where,
            Consumer<HarnessBuilder> connection, Clock clock) {
        this.cache = cache;
        this.clientId = clientId;
        this.secret = secret;
        this.memberCid = memberCid;
        this.where = where;
        this.connection = connection;
        this.clock = clock;
        TokenCache.Entry cached = cache.read(key());
        this.held = cached != null && cached.usableAt(clock.instant()) ? cached : null;
        this.baseUrl = cached != null ? cached.baseUrl() : initialBaseUrl(where);
    }

    /** Says on {@code --verbose}'s writer when a cached token is used; returns this source. */
    CachedTokenSource log(java.io.PrintWriter writer) {
        this.log = writer;
        return this;
    }

    String key() {
        return TokenCache.key(clientId, where, memberCid);
    }

    /** Where calls go: the cached entry's (discovered) base URL, else the one the user named. */
    synchronized String baseUrl() {
        return baseUrl;
    }

    /** Whether a valid token was found in the cache (no token request needed). */
    synchronized boolean cached() {
        return held != null;
    }

    private static String initialBaseUrl(String where) {
        return where.contains("://") ? where : Cloud.parse(where).orElse(Cloud.US_1).baseUrl();
    }

    @Override
    public synchronized AccessToken token() {
        if (held == null || !held.usableAt(clock.instant())) {
            held = fetch();
            cache.write(key(), held);
        } else if (log != null) {
            log.println("*** access token from the cache in " + cache.directory() + ", valid until " + held.expiresAt());
            log.flush();
            log = null;
        }
        return new AccessToken(held.token(), held.expiresAt());
    }

    private TokenCache.Entry fetch() {
        Instant requested = clock.instant();
        ApiResponse response = request(baseUrl);
        String region = response.header(REGION_HEADER).orElse(null);
        boolean discovers = !where.contains("://") && Cloud.allowsDiscovery(where);
        if (response.statusCode() >= 300 && response.statusCode() < 400 && discovers && region != null
                && Cloud.parse(region).isPresent()) {
            baseUrl = Cloud.parse(region).get().baseUrl();
            response = request(baseUrl);
            region = response.header(REGION_HEADER).orElse(null);
        }
        if (response.statusCode() != 200 && response.statusCode() != 201 || !response.isJson()
                || response.body().path("access_token").asText("").isEmpty()) {
            throw new AuthenticationException("Authentication failed: the token endpoint answered HTTP "
                    + response.statusCode() + ". Check the client ID and secret (FALCON_CLIENT_ID / FALCON_CLIENT_SECRET), "
                    + "that the API client is enabled, and that the cloud is right (now " + baseUrl + ")",
                    response.statusCode(), response.traceId(), List.of());
        }
        if (discovers && region != null && Cloud.parse(region).isPresent()) {
            baseUrl = Cloud.parse(region).get().baseUrl();
        }
        long lifetime = response.body().path("expires_in").asLong(1799);
        return new TokenCache.Entry(clientId, where, memberCid, baseUrl, response.body().get("access_token").asText(),
                requested.plusSeconds(lifetime));
    }

    private ApiResponse request(String url) {
        HarnessBuilder builder = Harness.builder().baseUrl(url).auth(AuthSpec.none());
        connection.accept(builder);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        if (memberCid != null) {
            form.put("member_cid", memberCid);
        }
        try (Harness tokens = builder.build()) {
            return tokens.command("oauth2AccessToken", form);
        }
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    @Override
    public synchronized void invalidate(AccessToken token) {
        if (held != null && held.token().equals(token.value())) {
            held = null;
            cache.delete(key());
        }
    }

    /** Keeps the token: the next invocation uses it. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "CachedTokenSource{" + clientId + " at " + where + ", cache " + cache.directory() + "}";
    }
}
