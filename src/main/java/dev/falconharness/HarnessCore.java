package dev.falconharness;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.auth.AuthStage;
import dev.falconharness.auth.ClientCredentialsTokenSource;
import dev.falconharness.auth.Endpoint;
import dev.falconharness.auth.SigningStage;
import dev.falconharness.auth.StaticTokenSource;
import dev.falconharness.auth.TokenSource;
import dev.falconharness.http.CallListener;
import dev.falconharness.http.Headers;
import dev.falconharness.http.LoggingStage;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.RateLimitStage;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.http.RetryStage;
import dev.falconharness.http.Stage;
import dev.falconharness.http.Transport;
import dev.falconharness.http.Waiter;
import dev.falconharness.manifest.AuthSpec;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.request.RequestFactory;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every view of one harness shares: the manifest, the endpoint, the token, the rate-limit state
 * and the transport. The stack is assembled here, in one readable order:
 * retry, rate limit, authentication, base URL, default headers, logging, transport.
 */
final class HarnessCore {
    /** Falcon's limits are per minute: no rate-limit pause needs to be longer than one window. */
    private static final java.time.Duration RATE_LIMIT_MAX_WAIT = java.time.Duration.ofMinutes(1);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final RequestFactory factory;
    private final Endpoint endpoint;
    private final TokenSource tokens;
    private final Stage auth;
    private final RateLimitStage rateLimit;
    private final Transport transport;
    private final ObjectMapper mapper;
    private final String userAgent;
    private final Headers defaults;
    private final HarnessBuilder settings;
    private final CallListener listener;
    private final Stage logging;
    private final ExecutorService ownExecutor;
    private final Waiter waiter;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HarnessCore(HarnessBuilder b, Endpoint endpoint, HttpClient client) {
        this.settings = b;
        this.endpoint = endpoint;
        this.mapper = b.mapper;
        this.factory = new RequestFactory(manifest(b), mapper, b.bodyValidation);
        this.userAgent = userAgent(b.userAgentPrefix);
        this.defaults = Headers.of("User-Agent", userAgent, "Accept", "application/json");
        this.listener = CallListener.all(b.listeners);
        this.logging = new LoggingStage(listener);
        this.ownExecutor = b.executor == null ? Executors.newCachedThreadPool(HarnessCore::daemon) : null;
        this.waiter = new Waiter(b.sleeper, b.executor != null ? b.executor : ownExecutor);
        this.transport = new Transport(client, b.requestTimeout);
        this.rateLimit = new RateLimitStage(b.clock, waiter, listener, b.pacing, RATE_LIMIT_MAX_WAIT);
        AuthSpec spec = b.auth != null ? b.auth : factory.manifest().auth();
        this.tokens = tokenSource(b, spec);
        this.auth = signingStage(b, spec).orElseGet(() -> new AuthStage(tokens, listener, waiter.executor()));
    }

    static HarnessCore assemble(HarnessBuilder b) {
        Endpoint endpoint = endpoint(b);
        return new HarnessCore(b, endpoint, b.httpClient != null ? b.httpClient : HttpClients.create(b, endpoint.baseUrl()));
    }

    /**
     * The stack for calls that retry by {@code policy}. {@code blocking} ends it with the transport that
     * sends on the calling thread, for synchronous calls that wait for the answer anyway.
     */
    List<Stage> stages(RetryPolicy policy, boolean blocking) {
        Stage baseUrl = chain -> chain.proceed(chain.request().withBaseUrl(endpoint.baseUrl()));
        return List.of(retry(policy), rateLimit, auth, baseUrl, this::defaultHeaders, logging,
                blocking ? transport.blocking() : transport);
    }

    private RetryStage retry(RetryPolicy policy) {
        return new RetryStage(policy, settings.clock, waiter, listener, settings.jitter);
    }

    private CompletableFuture<RawResponse> defaultHeaders(Stage.Chain chain) {
        return chain.proceed(withDefaultHeaders(chain.request()));
    }

    /** Waits and token refreshes run on daemon threads: they must never keep a JVM alive. */
    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "falcon-harness-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** Adds {@code User-Agent} and {@code Accept} where the request has none of its own. */
    PreparedRequest withDefaultHeaders(PreparedRequest request) {
        Headers headers = request.headers();
        for (int i = 0; i < defaults.size(); i++) {
            if (!headers.contains(defaults.name(i))) {
                headers = headers.plus(defaults.name(i), defaults.value(i));
            }
        }
        return request.withHeaders(headers);
    }

    /**
     * The token source for bearer schemes. The manifest's (or builder's) auth block decides the scheme;
     * without one, client credentials mean Falcon-style OAuth2 and a bearer token is sent as it is.
     */
    private TokenSource tokenSource(HarnessBuilder b, AuthSpec spec) {
        if (b.tokenSource != null) {
            return b.tokenSource;
        }
        Credentials credentials = b.credentials;
        AuthSpec.Type type = spec != null ? spec.type() : defaultType(credentials);
        if (credentials == null || type == AuthSpec.Type.NONE || type == AuthSpec.Type.API_KEY || type == AuthSpec.Type.BASIC) {
            return TokenSource.NONE;
        }
        if (type == AuthSpec.Type.BEARER || credentials.isBearerToken()) {
            return new StaticTokenSource(require(credentials, credentials.isBearerToken(), type, "Credentials.bearerToken(token)")
                    .revealBearerToken());
        }
        require(credentials, credentials.isClientCredentials(), type, "Credentials.of(clientId, clientSecret)");
        // Asking for a token twice is harmless, so token requests are retried whatever their method.
        RetryPolicy tokenRetries = b.retryPolicy.toBuilder().retryNonIdempotent(true).build();
        List<Stage> tokenStages = List.of(retry(tokenRetries), this::defaultHeaders, logging, transport);
        return new ClientCredentialsTokenSource(spec != null ? spec : AuthSpec.FALCON, credentials, endpoint, tokenStages,
                Headers.EMPTY, b.clock, b.refreshWindow, listener);
    }

    private static AuthSpec.Type defaultType(Credentials credentials) {
        if (credentials == null) {
            return AuthSpec.Type.NONE;
        }
        if (credentials.isApiKey()) {
            throw new IllegalArgumentException("an API key needs to know where it goes: give the manifest an auth block "
                    + "such as {\"type\": \"apiKey\", \"in\": \"header\", \"name\": \"X-API-Key\"}, or call "
                    + "builder.auth(AuthSpec.apiKey(Location.HEADER, \"X-API-Key\"))");
        }
        return credentials.isBearerToken() ? AuthSpec.Type.BEARER : AuthSpec.Type.OAUTH2_CLIENT_CREDENTIALS;
    }

    /** A stage that signs every request with a fixed credential (API key, HTTP Basic), where the scheme is one. */
    private static java.util.Optional<Stage> signingStage(HarnessBuilder b, AuthSpec spec) {
        if (b.tokenSource != null || spec == null || b.credentials == null) {
            return java.util.Optional.empty();
        }
        Credentials c = b.credentials;
        return switch (spec.type()) {
            case API_KEY -> java.util.Optional.of(spec.in() == Location.QUERY
                    ? SigningStage.apiKeyQuery(spec.name(), require(c, c.isApiKey(), spec.type(), "Credentials.apiKey(key)").revealApiKey())
                    : SigningStage.apiKeyHeader(spec.name(), require(c, c.isApiKey(), spec.type(), "Credentials.apiKey(key)").revealApiKey()));
            case BASIC -> java.util.Optional.of(SigningStage.basic(
                    require(c, c.isClientCredentials(), spec.type(), "Credentials.basic(user, password)").clientId().orElseThrow(),
                    c.revealClientSecret()));
            default -> java.util.Optional.empty();
        };
    }

    private static Credentials require(Credentials credentials, boolean fits, AuthSpec.Type type, String expected) {
        if (!fits) {
            throw new IllegalArgumentException("this API authenticates with " + type.jsonName() + ", but the harness was given "
                    + credentials.kind() + " credentials; use " + expected);
        }
        return credentials;
    }

    private static Endpoint endpoint(HarnessBuilder b) {
        if (b.baseUrl != null) {
            return Endpoint.fixed(b.baseUrl);
        }
        String cloud = b.cloud;
        if (cloud == null && b.credentials != null && b.credentials.baseUrl().isPresent()) {
            return Endpoint.fixed(BaseUrls.normalize(b.credentials.baseUrl().get()));
        }
        if (cloud == null && b.credentials != null) {
            cloud = b.credentials.cloud().orElse(null);
        }
        if (cloud != null) {
            Cloud parsed = Cloud.parse(cloud).orElseThrow(() -> new IllegalArgumentException("unknown cloud \""
                    + b.credentials.cloud().orElse("") + "\" in FALCON_CLOUD; use one of " + Cloud.names()));
            return Endpoint.cloud(parsed, Cloud.allowsDiscovery(cloud));
        }
        String manifestUrl = manifest(b).baseUrl();
        if (manifestUrl == null || manifestUrl.equals(Cloud.US_1.baseUrl())) {
            return Endpoint.cloud(Cloud.US_1, true);
        }
        return Endpoint.fixed(BaseUrls.normalize(manifestUrl));
    }

    private static Manifest manifest(HarnessBuilder b) {
        if (b.manifests.isEmpty()) {
            return Manifest.falcon();
        }
        return b.manifests.size() == 1 ? b.manifests.get(0) : Manifest.combine(b.manifests.toArray(new Manifest[0]));
    }

    private static String userAgent(String prefix) {
        String own = "falcon-harness/" + Version.get() + " (Java " + Runtime.version().feature() + ")";
        return prefix == null || prefix.isBlank() ? own : prefix.strip() + " " + own;
    }

    RequestFactory factory() {
        return factory;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    String userAgent() {
        return userAgent;
    }

    boolean isClosed() {
        return closed.get();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            tokens.close();
            if (ownExecutor != null) {
                ownExecutor.shutdown();
            }
        }
    }

    @Override
    public String toString() {
        return endpoint + ", " + factory.manifest() + ", " + tokens;
    }
}
