package dev.falconharness;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.auth.TokenSource;
import dev.falconharness.http.CallListener;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.http.Sleeper;
import dev.falconharness.manifest.AuthSpec;
import dev.falconharness.manifest.Manifest;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Configures a {@link Harness}. Not thread-safe; build once and share the harness. {@link #build()}
 * copies every setting, so changing the builder afterwards changes no harness already built.
 *
 * <p>Defaults: the built-in Falcon manifest; cloud {@code auto}; no credentials (unauthenticated
 * requests); 10 s to connect and 60 s per attempt; {@link RetryPolicy#DEFAULT}; pacing off; token
 * refresh 120 s before expiry; the JDK's trust store and proxy selector; asynchronous calls on the
 * harness's own pool of at most 64 daemon threads.
 */
public final class HarnessBuilder {
    Credentials credentials;
    TokenSource tokenSource;
    String cloud;
    String baseUrl;
    final List<Manifest> manifests = new ArrayList<>();
    HttpClient httpClient;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration requestTimeout = Duration.ofSeconds(60);
    Duration callTimeout;
    long maxBufferedBody = ApiResponse.DEFAULT_MAX_BODY;
    Duration refreshWindow = Duration.ofSeconds(120);
    String userAgentPrefix;
    Clock clock = Clock.systemUTC();
    ObjectMapper mapper = new ObjectMapper();
    BodyValidation bodyValidation = BodyValidation.REFUSE;
    RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    boolean pacing;
    final List<CallListener> listeners = new ArrayList<>();
    Sleeper sleeper = Sleeper.SYSTEM;
    DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    final List<Path> trustedCertificates = new ArrayList<>();
    Path trustStore;
    char[] trustStorePassword;
    ProxySelector proxy;
    Executor executor;
    AuthSpec auth;
    final java.util.Map<String, Credentials> schemeCredentials = new java.util.LinkedHashMap<>();

    HarnessBuilder() {
    }

    /** Client credentials or a bearer token. Without any, requests are sent unauthenticated. */
    public HarnessBuilder credentials(Credentials credentials) {
        this.credentials = credentials;
        return this;
    }

    /**
     * Credentials for the manifest's scheme named {@code scheme} (format 2 {@code securitySchemes}); call
     * once per scheme. Each request is signed as its operation requires, with the first alternative of its
     * {@code security} whose schemes all have credentials. Credentials given without a name serve every
     * scheme of their kind that has none of its own (an API key for apiKey schemes, a bearer token for
     * bearer and OAuth2 schemes, client credentials for OAuth2 and Basic schemes).
     *
     * <pre>{@code
     * Harness.builder().manifest(shop)
     *     .credentials("apiKeyAuth", Credentials.apiKey(System.getenv("SHOP_KEY")))
     *     .credentials("adminBasic", Credentials.basic("admin", System.getenv("SHOP_ADMIN_PASSWORD")))
     *     .build();
     * }</pre>
     */
    public HarnessBuilder credentials(String scheme, Credentials credentials) {
        if (scheme == null || scheme.isBlank()) {
            throw new IllegalArgumentException("a scheme name is required, as the manifest's securitySchemes names it");
        }
        schemeCredentials.put(scheme, java.util.Objects.requireNonNull(credentials, "credentials"));
        return this;
    }

    /**
     * How to authenticate, overriding the manifest's {@code auth} block: {@link AuthSpec#bearer()},
     * {@link AuthSpec#apiKey}, {@link AuthSpec#basic()}, {@link AuthSpec#clientCredentials} (any token
     * URL), {@link AuthSpec#FALCON} or {@link AuthSpec#none()}.
     */
    public HarnessBuilder auth(AuthSpec auth) {
        this.auth = auth;
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
    public HarnessBuilder manifest(Path file) {
        return manifest(Manifest.load(file));
    }

    /** Adds a manifest; several are combined (their operation IDs must not collide). */
    public HarnessBuilder manifest(Manifest manifest) {
        manifests.add(manifest);
        return this;
    }

    /**
     * The HTTP client to use, as it is; by default one is made and pooled. With your own client, the
     * connect timeout, trust and proxy settings here do not apply: configure them on the client.
     */
    public HarnessBuilder httpClient(HttpClient client) {
        this.httpClient = client;
        return this;
    }

    public HarnessBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connect timeout");
        return this;
    }

    /**
     * The time one attempt may take, from sending to the last byte of the answer (default 60 s). A call
     * given a timeout of its own ({@link Harness#withTimeout}) is bounded as a whole by that instead.
     */
    public HarnessBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = atMostADay(positive(timeout, "request timeout"), "request timeout");
        return this;
    }

    /**
     * The time one call may take in all: the token request, every attempt and every wait between
     * attempts (default: none; each attempt is bounded by {@link #requestTimeout} and retrying by the
     * {@link RetryPolicy}). {@link Harness#withTimeout} sets the same bound on a view.
     */
    public HarnessBuilder callTimeout(Duration timeout) {
        this.callTimeout = atMostADay(positive(timeout, "call timeout"), "call timeout");
        return this;
    }

    /**
     * The largest answer held in memory, counted after gzip is undone (default 64 MiB). A larger one fails
     * with {@link ResponseTooLargeException} as soon as it passes the cap, before the excess is read;
     * {@link Harness#download} streams answers of any size to a file instead.
     */
    public HarnessBuilder maxBufferedBody(long bytes) {
        if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBufferedBody must be between 1 byte and 2 GiB, got " + bytes
                    + "; stream larger answers with Harness.download(...)");
        }
        this.maxBufferedBody = bytes;
        return this;
    }

    /** How long before expiry a token is replaced (default 120 s; at most half its lifetime). */
    public HarnessBuilder tokenRefreshWindow(Duration window) {
        this.refreshWindow = positive(window, "token refresh window");
        return this;
    }

    /** When and how long to retry; {@link RetryPolicy#NONE} turns retries off. */
    public HarnessBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = java.util.Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Slow down as {@code X-Ratelimit-Remaining} nears zero, before the API throttles (default off). */
    public HarnessBuilder pacing(boolean enabled) {
        this.pacing = enabled;
        return this;
    }

    /** Adds a listener for retries, waits and token refreshes. */
    public HarnessBuilder listener(CallListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** How the harness waits (backoff, rate-limit pauses); tests pass a fake. */
    public HarnessBuilder sleeper(Sleeper sleeper) {
        this.sleeper = java.util.Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /** Trusts the CA certificates in this PEM file, besides the JDK's own (e.g. a TLS-inspecting proxy's CA). */
    public HarnessBuilder trustCertificates(Path pemFile) {
        trustedCertificates.add(pemFile);
        return this;
    }

    /** Trusts the certificates of this key store (PKCS#12 or JKS), besides the JDK's own. */
    public HarnessBuilder trustStore(Path file, char[] password) {
        this.trustStore = file;
        this.trustStorePassword = password == null ? null : password.clone();
        return this;
    }

    /** Routes connections through this proxy selector (default: the JDK's, which reads the system proxy properties). */
    public HarnessBuilder proxy(ProxySelector selector) {
        this.proxy = selector;
        return this;
    }

    /**
     * Where asynchronous calls run, waits and token requests included (default: the harness's own pool of
     * at most 64 daemon threads, shut down by {@link Harness#close()}; yours is left running). Any
     * executor works, a single thread included: a call never waits for a task queued behind it.
     */
    public HarnessBuilder executor(Executor executor) {
        this.executor = executor;
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

    /** The clock token expiry, retry budgets and rate-limit pauses are measured with. */
    public HarnessBuilder clock(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** The JSON mapper for bodies and responses (e.g. with modules registered). */
    public HarnessBuilder mapper(ObjectMapper mapper) {
        this.mapper = mapper;
        return this;
    }

    /**
     * What to do when a body does not match its operation's schema: refuse the call (the default), send
     * it and log the problems ({@link BodyValidation#WARN}), or not check ({@link BodyValidation#OFF}).
     */
    public HarnessBuilder bodyValidation(BodyValidation mode) {
        this.bodyValidation = java.util.Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** The source of jitter in [0, 1); tests fix it. */
    HarnessBuilder jitter(DoubleSupplier jitter) {
        this.jitter = jitter;
        return this;
    }

    /**
     * @throws IllegalArgumentException if a trust file cannot be read, a setting conflicts, or the manifest
     *                                  names no base URL and none was given
     */
    public Harness build() {
        Settings settings = new Settings(credentials, tokenSource, cloud, baseUrl, manifests, httpClient, connectTimeout,
                requestTimeout, callTimeout, maxBufferedBody, bodyValidation, refreshWindow, userAgentPrefix, clock, mapper, retryPolicy, pacing, CallListener.all(listeners),
                sleeper, jitter, trustedCertificates, trustStore, trustStorePassword, proxy, executor, auth, schemeCredentials);
        return Harness.create(HarnessCore.assemble(settings), settings.retryPolicy(), settings.callTimeout());
    }

    private static Duration atMostADay(Duration value, String what) {
        if (value.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the " + what + " must be at most a day, got " + value);
        }
        return value;
    }

    private static Duration positive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, got " + value);
        }
        return value;
    }
}
