package dev.falconharness;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.auth.AuthStage;
import dev.falconharness.auth.ClientCredentialsTokenSource;
import dev.falconharness.auth.Endpoint;
import dev.falconharness.auth.StaticTokenSource;
import dev.falconharness.auth.TokenSource;
import dev.falconharness.http.Headers;
import dev.falconharness.http.LoggingStage;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.Stage;
import dev.falconharness.http.StageChain;
import dev.falconharness.http.Transport;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.request.RequestFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls any operation of its manifest by ID: builds the request from the manifest, validates it,
 * authenticates, sends it and decodes the answer.
 *
 * <pre>{@code
 * try (Harness falcon = Harness.builder()
 *         .credentials(Credentials.fromEnvironment())
 *         .cloud("us-2")
 *         .build()) {
 *     ApiResponse roles = falcon.command("GetRoles", Map.of("ids", List.of("falcon_admin")));
 *     ApiResponse created = falcon.command("CreateUser", Map.of(), Map.of("uid", "ana@example.com"));
 * }
 * }</pre>
 *
 * <p>Defaults: the built-in Falcon manifest, cloud {@code auto} (us-1 with region discovery), 10 s to
 * connect, 60 s per request. Thread-safe: share one harness across threads; it holds one pooled HTTP
 * client and one token. {@link #close()} revokes the token it obtained.
 */
public final class Harness implements AutoCloseable {
    private final RequestFactory factory;
    private final Endpoint endpoint;
    private final TokenSource tokens;
    private final List<Stage> stages;
    private final ObjectMapper mapper;
    private final String userAgent;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Harness(HarnessBuilder b, Endpoint endpoint, HttpClient client) {
        this.mapper = b.mapper;
        this.factory = new RequestFactory(b.manifest(), mapper);
        this.endpoint = endpoint;
        this.userAgent = b.userAgent();
        Transport transport = new Transport(client, b.requestTimeout);
        Headers defaults = Headers.of("User-Agent", userAgent, "Accept", "application/json");
        Stage headers = chain -> chain.proceed(withDefaults(chain.request(), defaults));
        this.tokens = b.tokenSource(endpoint, List.of(headers, new LoggingStage(), transport));
        Stage baseUrl = chain -> chain.proceed(chain.request().withBaseUrl(endpoint.baseUrl()));
        this.stages = List.of(new AuthStage(tokens), baseUrl, headers, new LoggingStage(), transport);
    }

    /** A builder with the defaults above. */
    public static HarnessBuilder builder() {
        return new HarnessBuilder();
    }

    /** Calls an operation that takes no arguments. */
    public ApiResponse command(String operationId) {
        return command(operationId, Map.of(), null);
    }

    /** Calls an operation with arguments routed by the manifest (query, path, header, formData). */
    public ApiResponse command(String operationId, Map<String, ?> params) {
        return command(operationId, params, null);
    }

    /**
     * Calls an operation.
     *
     * @param params arguments by parameter name; arrays as lists or comma-separated strings
     * @param body   the JSON body as a Map, Jackson node, POJO or JSON string; or a {@code byte[]} or
     *               {@code Path} sent as {@code application/octet-stream}; null for none
     * @throws UnknownOperationException if the manifest has no such operation (with the closest IDs)
     * @throws ValidationException       listing every problem with the arguments; nothing was sent
     * @throws AuthenticationException   if no token could be obtained; the call was not sent
     * @throws NetworkException          if the request or response was lost on the network
     */
    public ApiResponse command(String operationId, Map<String, ?> params, Object body) {
        return send(factory.prepare(operationId, params, body));
    }

    /**
     * Sends a request the manifest does not describe, with the same authentication and decoding: every
     * parameter goes in the query, the body is JSON (or raw bytes).
     */
    public ApiResponse request(String method, String path, Map<String, ?> params, Object body) {
        return send(factory.raw(method, path, params, body));
    }

    /**
     * Builds and validates the request for an operation without sending it (for dry runs and tests).
     * The base URL is the current one; authentication headers are added only when it is sent.
     */
    public PreparedRequest prepare(String operationId, Map<String, ?> params, Object body) {
        PreparedRequest request = factory.prepare(operationId, params, body).withBaseUrl(endpoint.baseUrl());
        return withDefaults(request, Headers.of("User-Agent", userAgent, "Accept", "application/json"));
    }

    /** Sends an already built request through authentication and the other stages. */
    public ApiResponse send(PreparedRequest request) {
        if (closed.get()) {
            throw new IllegalStateException("this harness is closed");
        }
        try {
            RawResponse raw = StageChain.run(stages, request);
            return new ApiResponse(raw, mapper);
        } catch (IOException e) {
            throw network(request.baseUrl() != null ? request : request.withBaseUrl(endpoint.baseUrl()), e);
        }
    }

    /** The operation with this ID, or an {@link UnknownOperationException} naming the closest IDs. */
    public Operation operation(String operationId) {
        return factory.operation(operationId);
    }

    public Manifest manifest() {
        return factory.manifest();
    }

    /** The base URL calls go to now (region discovery may have moved it). */
    public String baseUrl() {
        return endpoint.baseUrl();
    }

    /** The {@code User-Agent} this harness sends. */
    public String userAgent() {
        return userAgent;
    }

    /** The JSON mapper used for bodies and responses. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Revokes the token this harness obtained, if any. Later calls fail. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            tokens.close();
        }
    }

    @Override
    public String toString() {
        return "Harness{" + endpoint + ", " + factory.manifest() + ", " + tokens + "}";
    }

    private static PreparedRequest withDefaults(PreparedRequest request, Headers defaults) {
        Headers headers = request.headers();
        for (int i = 0; i < defaults.size(); i++) {
            if (!headers.contains(defaults.name(i))) {
                headers = headers.plus(defaults.name(i), defaults.value(i));
            }
        }
        return request.withHeaders(headers);
    }

    private static NetworkException network(PreparedRequest request, IOException e) {
        boolean timeout = e instanceof HttpTimeoutException;
        String what = request.operationId() != null ? request.operationId() + " (" + request.method() + " "
                + request.redactedUrl() + ")" : request.method() + " " + request.redactedUrl();
        String why = timeout ? "timed out" : "failed: " + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + e.getMessage() : "");
        return new NetworkException(what + " " + why, e, timeout);
    }

    /**
     * Configures a {@link Harness}. Not thread-safe; build once and share the harness.
     */
    public static final class HarnessBuilder {
        private Credentials credentials;
        private TokenSource tokenSource;
        private String cloud;
        private String baseUrl;
        private final java.util.List<Manifest> manifests = new java.util.ArrayList<>();
        private HttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration refreshWindow = Duration.ofSeconds(120);
        private String userAgentPrefix;
        private Clock clock = Clock.systemUTC();
        private ObjectMapper mapper = new ObjectMapper();

        private HarnessBuilder() {
        }

        /** Client credentials or a bearer token. Without any, requests are sent unauthenticated. */
        public HarnessBuilder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** A custom token source (replaces {@link #credentials}). */
        public HarnessBuilder tokenSource(TokenSource tokenSource) {
            this.tokenSource = tokenSource;
            return this;
        }

        /**
         * A Falcon cloud: {@code auto}, {@code us-1}, {@code us-2}, {@code us-3}, {@code eu-1},
         * {@code us-gov-1}, {@code us-gov-2} (any case, dash optional).
         */
        public HarnessBuilder cloud(String cloud) {
            if (Cloud.parse(cloud).isEmpty()) {
                throw new IllegalArgumentException("unknown cloud \"" + cloud + "\"; use one of " + Cloud.names()
                        + ", or baseUrl(...) for any other host");
            }
            this.cloud = cloud;
            return this;
        }

        public HarnessBuilder cloud(Cloud cloud) {
            return cloud(cloud.regionName());
        }

        /** Any base URL (a proxy, a test server); never moved by region discovery. */
        public HarnessBuilder baseUrl(String baseUrl) {
            this.baseUrl = BaseUrls.normalize(baseUrl);
            return this;
        }

        /** Adds a manifest file; with any manifest added, the built-in Falcon one is used only if added too. */
        public HarnessBuilder manifest(java.nio.file.Path file) {
            return manifest(Manifest.load(file));
        }

        /** Adds a manifest; several are combined (their operation IDs must not collide). */
        public HarnessBuilder manifest(Manifest manifest) {
            manifests.add(manifest);
            return this;
        }

        /** The HTTP client to use (e.g. with a proxy or custom TLS); by default one is made and pooled. */
        public HarnessBuilder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        public HarnessBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** The time one request may take, from sending to the last byte of the answer. */
        public HarnessBuilder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request timeout");
            return this;
        }

        /** How long before expiry a token is replaced (default 120 s; at most half its lifetime). */
        public HarnessBuilder tokenRefreshWindow(Duration window) {
            this.refreshWindow = positive(window, "token refresh window");
            return this;
        }

        /** Your application's name and version, put before the harness's own in {@code User-Agent}. */
        public HarnessBuilder userAgent(String prefix) {
            if (prefix != null && (prefix.contains("\r") || prefix.contains("\n"))) {
                throw new IllegalArgumentException("the User-Agent prefix must be one line");
            }
            this.userAgentPrefix = prefix;
            return this;
        }

        /** The clock token expiry is measured with (tests use a fake one). */
        public HarnessBuilder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The JSON mapper for bodies and responses (e.g. with modules registered). */
        public HarnessBuilder mapper(ObjectMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        public Harness build() {
            Endpoint endpoint = endpoint();
            HttpClient client = httpClient != null ? httpClient : HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    // Plain-HTTP servers (the sandbox, local proxies) get HTTP/1.1 rather than an h2c upgrade.
                    .version(endpoint.baseUrl().startsWith("http://") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                    .build();
            return new Harness(this, endpoint, client);
        }

        private Endpoint endpoint() {
            if (baseUrl != null) {
                return Endpoint.fixed(baseUrl);
            }
            if (cloud != null) {
                return Endpoint.cloud(Cloud.parse(cloud).orElseThrow(), Cloud.allowsDiscovery(cloud));
            }
            if (credentials != null && credentials.baseUrl().isPresent()) {
                return Endpoint.fixed(BaseUrls.normalize(credentials.baseUrl().get()));
            }
            if (credentials != null && credentials.cloud().isPresent()) {
                return cloud(credentials.cloud().get()).endpoint();
            }
            String manifestUrl = manifest().baseUrl();
            if (manifestUrl == null || manifestUrl.equals(Cloud.US_1.baseUrl())) {
                return Endpoint.cloud(Cloud.US_1, true);
            }
            return Endpoint.fixed(BaseUrls.normalize(manifestUrl));
        }

        private Manifest manifest() {
            if (manifests.isEmpty()) {
                return Manifest.falcon();
            }
            return manifests.size() == 1 ? manifests.get(0) : Manifest.combine(manifests.toArray(new Manifest[0]));
        }

        private TokenSource tokenSource(Endpoint endpoint, List<Stage> tokenStages) {
            if (tokenSource != null) {
                return tokenSource;
            }
            if (credentials == null) {
                return TokenSource.NONE;
            }
            if (credentials.isBearerToken()) {
                return new StaticTokenSource(credentials.revealBearerToken());
            }
            return new ClientCredentialsTokenSource(credentials, endpoint, tokenStages, Headers.EMPTY, clock, refreshWindow);
        }

        private String userAgent() {
            String own = "falcon-harness/" + Version.get() + " (Java " + Runtime.version().feature() + ")";
            return userAgentPrefix == null || userAgentPrefix.isBlank() ? own : userAgentPrefix.strip() + " " + own;
        }

        private static Duration positive(Duration value, String what) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the " + what + " must be positive, got " + value);
            }
            return value;
        }
    }
}
