package dev.falconharness;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.auth.TokenSource;
import dev.falconharness.engine.AuthStage;
import dev.falconharness.engine.BodySink;
import dev.falconharness.engine.SecurityStage;
import dev.falconharness.engine.Call;
import dev.falconharness.engine.ClientCredentialsTokenSource;
import dev.falconharness.engine.Endpoint;
import dev.falconharness.engine.LoggingStage;
import dev.falconharness.engine.RateLimitStage;
import dev.falconharness.engine.RetryStage;
import dev.falconharness.engine.SigningStage;
import dev.falconharness.engine.Stage;
import dev.falconharness.engine.StageChain;
import dev.falconharness.engine.StaticTokenSource;
import dev.falconharness.engine.Transport;
import dev.falconharness.http.CallListener;
import dev.falconharness.http.Headers;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.manifest.AuthSpec;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.request.RequestFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every view of one harness shares: the settings, the manifest, the endpoint, the token, the
 * rate-limit state, the transport and the executor. The stack is assembled here, in one readable order:
 * retry, rate limit, authentication, base URL, default headers, logging, transport.
 *
 * <p>Threads: {@link #send} runs the stack on the calling thread. {@link #sendAsync} runs the same stack
 * on the executor, once the call can proceed: a call that needs a token being fetched waits for it
 * without a thread, so a burst of calls before the first token parks no thread per call.
 */
final class HarnessCore {
    /** Falcon's limits are per minute: no rate-limit pause needs to be longer than one window. */
    private static final Duration RATE_LIMIT_MAX_WAIT = Duration.ofMinutes(1);
    /**
     * Asynchronous calls running at once on the harness's own pool; more wait in its queue, holding no
     * thread. OkHttp's dispatcher uses the same number: enough to hide latency, bounded under any burst.
     */
    static final int MAX_ASYNC_THREADS = 64;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Settings settings;
    private final RequestFactory factory;
    private final Endpoint endpoint;
    private final TokenSource tokens;
    private final Stage auth;
    private final RateLimitStage rateLimit;
    private final Transport transport;
    private final String userAgent;
    private final Headers defaults;
    private final CallListener listener;
    private final Stage logging;
    private final ExecutorService ownExecutor;
    private final Executor executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HarnessCore(Settings s, Manifest manifest, Endpoint endpoint, HttpClient client) {
        this.settings = s;
        this.endpoint = endpoint;
        this.factory = new RequestFactory(manifest, s.mapper(), s.bodyValidation());
        this.userAgent = userAgent(s.userAgentPrefix());
        this.defaults = Headers.of("User-Agent", userAgent, "Accept", "application/json");
        this.listener = s.listener();
        this.logging = new LoggingStage(listener);
        this.ownExecutor = s.executor() == null ? ownPool() : null;
        this.executor = s.executor() != null ? s.executor() : ownExecutor;
        this.transport = new Transport(client, s.requestTimeout(), s.maxBufferedBody());
        this.rateLimit = new RateLimitStage(s.clock(), s.sleeper(), listener, s.pacing(), RATE_LIMIT_MAX_WAIT);
        AuthSpec spec = s.auth() != null ? s.auth() : manifest.auth();
        if (SchemeAuth.applies(s, manifest)) {
            // Named schemes: each request signed as its operation requires (see SecurityStage).
            List<TokenSource> sources = new java.util.ArrayList<>();
            this.auth = SchemeAuth.stage(s, manifest, (scheme, c) -> schemeStage(s, scheme, c, sources), sources);
            this.tokens = sources.isEmpty() ? TokenSource.NONE : sources.get(0);
        } else {
            this.tokens = tokenSource(s, spec);
            this.auth = signingStage(s, spec).orElseGet(() -> new AuthStage(tokens, listener));
        }
    }

    static HarnessCore assemble(Settings s) {
        Manifest manifest = s.manifest();
        Endpoint endpoint = endpoint(s, manifest);
        HttpClient client = s.httpClient() != null ? s.httpClient() : HttpClients.create(s, endpoint.baseUrl());
        return new HarnessCore(s, manifest, endpoint, client);
    }

    /** The stack for calls that retry by {@code policy}. */
    List<Stage> stages(RetryPolicy policy) {
        Stage baseUrl = chain -> chain.proceed(chain.request().withBaseUrl(endpoint.baseUrl()));
        return List.of(new RetryStage(policy, settings.clock(), settings.sleeper(), listener, settings.jitter()),
                rateLimit, auth, baseUrl, this::defaultHeaders, logging, transport);
    }

    /** Runs the stack on the calling thread. */
    RawResponse send(List<Stage> stages, PreparedRequest request) throws IOException {
        return StageChain.send(stages, request, callFor(request));
    }

    /** Runs the stack on the calling thread, a successful answer's body going to {@code sink}. */
    RawResponse send(List<Stage> stages, PreparedRequest request, BodySink sink) throws IOException {
        return StageChain.send(stages, request, callFor(request).withSink(sink));
    }

    /** Wraps an answer with this harness's mapper and body cap. */
    ApiResponse response(RawResponse raw) {
        return new ApiResponse(raw, settings.mapper(), factory.manifest(), settings.maxBufferedBody());
    }

    CallListener listener() {
        return listener;
    }

    /** A body stream cut off after a per-attempt timeout without data. */
    java.io.InputStream idleLimited(java.io.InputStream body) {
        return new dev.falconharness.engine.IdleLimitedStream(body, settings.requestTimeout());
    }

    /**
     * Runs the stack on the executor. A call that needs a token being fetched is handed to the executor
     * only when the fetch ends; if it failed, that failure is the call's first attempt, as it would be
     * for a synchronous call that waited for the same fetch.
     */
    CompletableFuture<RawResponse> sendAsync(List<Stage> stages, PreparedRequest request) {
        Call call = callFor(request);
        CompletableFuture<RawResponse> result = new CompletableFuture<>();
        TokenSource source = auth instanceof SecurityStage perOperation ? perOperation.tokensFor(request) : tokens;
        CompletableFuture<?> ready = needsToken(request, source) ? source.whenReady(executor, call.remaining())
                : CompletableFuture.completedFuture(null);
        bounded(ready, call).whenComplete((ignored, failure) -> {
            if (failure != null) {
                call.tokenFailed(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
            try {
                executor.execute(() -> complete(result, stages, request, call));
            } catch (Throwable e) {
                // Refused (shut down), or no thread could be made: the caller must still hear of it.
                result.completeExceptionally(e instanceof RejectedExecutionException
                        ? new IllegalStateException("the harness's executor refused the call (was it shut down?)", e) : e);
            }
        });
        return result;
    }

    /** The wait for a token, cut short at the call's own deadline (the shared fetch itself goes on). */
    private static CompletableFuture<?> bounded(CompletableFuture<?> ready, Call call) {
        if (ready.isDone() || !call.isBounded()) {
            return ready;
        }
        CompletableFuture<Object> bounded = new CompletableFuture<>();
        Runnable cancel = call.onExpiry(() -> bounded.completeExceptionally(
                new java.net.http.HttpTimeoutException("no access token within the call's time")));
        ready.whenComplete((value, failure) -> {
            cancel.run();
            if (failure != null) {
                bounded.completeExceptionally(failure);
            } else {
                bounded.complete(value);
            }
        });
        return bounded;
    }

    private static void complete(CompletableFuture<RawResponse> result, List<Stage> stages, PreparedRequest request, Call call) {
        try {
            result.complete(StageChain.send(stages, request, call));
        } catch (IOException | RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    /** The whole call may take the request's timeout when it names one; otherwise the retry policy bounds it. */
    private static Call callFor(PreparedRequest request) {
        return request.timeout() != null ? Call.within(request.timeout()) : Call.unbounded();
    }

    private static boolean needsToken(PreparedRequest request, TokenSource source) {
        return !request.headers().contains("Authorization") && !source.isOwnEndpoint(request);
    }

    private RawResponse defaultHeaders(Stage.Chain chain) throws IOException {
        return chain.proceed(withDefaultHeaders(chain.request()));
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
     * The harness's own pool for asynchronous calls: at most {@link #MAX_ASYNC_THREADS} threads, made as
     * calls arrive and let go after a minute idle; daemon threads, so they never keep a JVM alive.
     */
    private static ExecutorService ownPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_ASYNC_THREADS, MAX_ASYNC_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "falcon-harness-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The token source for bearer schemes. The manifest's (or builder's) auth block decides the scheme;
     * without one, client credentials mean Falcon-style OAuth2 and a bearer token is sent as it is.
     */
    private TokenSource tokenSource(Settings s, AuthSpec spec) {
        return s.tokenSource() != null ? s.tokenSource() : tokenSource(s, spec, s.credentials());
    }

    /** One named scheme's stage: a signing stage, or a token stage whose source is added to {@code sources}. */
    private Stage schemeStage(Settings s, AuthSpec spec, Credentials credentials, List<TokenSource> sources) {
        Optional<Stage> signing = signingStage(spec, credentials);
        if (signing.isPresent()) {
            return signing.get();
        }
        TokenSource source = tokenSource(s, spec, credentials);
        sources.add(source);
        return new AuthStage(source, listener);
    }

    private TokenSource tokenSource(Settings s, AuthSpec spec, Credentials credentials) {
        AuthSpec.Type type = spec != null ? spec.type() : defaultType(credentials);
        if (credentials == null || type == AuthSpec.Type.NONE || type == AuthSpec.Type.API_KEY || type == AuthSpec.Type.BASIC) {
            return TokenSource.NONE;
        }
        if (type == AuthSpec.Type.BEARER || credentials.isBearerToken()) {
            return new StaticTokenSource(require(credentials, credentials.isBearerToken(), type, "Credentials.bearerToken(token)")
                    .revealBearerToken());
        }
        require(credentials, credentials.isClientCredentials(), type, "Credentials.of(clientId, clientSecret)");
        // No retry stage: a token request is made inside the retry loop of the call that needs it.
        List<Stage> tokenStages = List.of(this::defaultHeaders, logging, transport);
        return new ClientCredentialsTokenSource(spec != null ? spec : AuthSpec.FALCON, credentials, endpoint, tokenStages,
                Headers.EMPTY, s.clock(), s.refreshWindow(), listener);
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
    private static Optional<Stage> signingStage(Settings s, AuthSpec spec) {
        return s.tokenSource() != null ? Optional.empty() : signingStage(spec, s.credentials());
    }

    private static Optional<Stage> signingStage(AuthSpec spec, Credentials c) {
        if (spec == null || c == null) {
            return Optional.empty();
        }
        return switch (spec.type()) {
            case API_KEY -> Optional.of(spec.in() == Location.QUERY
                    ? SigningStage.apiKeyQuery(spec.name(), require(c, c.isApiKey(), spec.type(), "Credentials.apiKey(key)").revealApiKey())
                    : SigningStage.apiKeyHeader(spec.name(), require(c, c.isApiKey(), spec.type(), "Credentials.apiKey(key)").revealApiKey()));
            case BASIC -> Optional.of(SigningStage.basic(
                    require(c, c.isClientCredentials(), spec.type(), "Credentials.basic(user, password)").clientId().orElseThrow(),
                    c.revealClientSecret()));
            default -> Optional.empty();
        };
    }

    private static Credentials require(Credentials credentials, boolean fits, AuthSpec.Type type, String expected) {
        if (!fits) {
            throw new IllegalArgumentException("this API authenticates with " + type.jsonName() + ", but the harness was given "
                    + credentials.kind() + " credentials; use " + expected);
        }
        return credentials;
    }

    /**
     * Where calls go. Credentials are only ever sent where the user pointed: the builder's base URL or
     * cloud, the manifest's base URL, and, for a Falcon manifest only, the cloud or base URL that came with
     * the credentials (FALCON_CLOUD, FALCON_BASE_URL). A manifest that names no base URL needs one from the
     * builder: guessing a host would send the caller's credentials to a stranger.
     */
    private static Endpoint endpoint(Settings s, Manifest manifest) {
        if (s.baseUrl() != null) {
            return Endpoint.fixed(s.baseUrl());
        }
        if (s.cloud() != null) {
            return cloud(s.cloud(), "");
        }
        String manifestUrl = manifest.baseUrl();
        if (manifestUrl == null) {
            throw new IllegalArgumentException("the manifest \"" + manifest.name() + "\" names no baseUrl, so the harness "
                    + "does not know where to send calls (or credentials); pass one: Harness.builder().baseUrl(\"https://api.example.com\")");
        }
        Credentials credentials = s.credentials();
        if (isFalcon(manifestUrl) && credentials != null) {
            if (credentials.baseUrl().isPresent()) {
                return Endpoint.fixed(BaseUrls.normalize(credentials.baseUrl().get()));
            }
            if (credentials.cloud().isPresent()) {
                return cloud(credentials.cloud().get(), " in FALCON_CLOUD");
            }
        }
        if (manifestUrl.equals(Cloud.US_1.baseUrl())) {
            return Endpoint.cloud(Cloud.US_1, true);
        }
        return Endpoint.fixed(BaseUrls.normalize(manifestUrl));
    }

    private static Endpoint cloud(String name, String where) {
        Cloud parsed = Cloud.parse(name).orElseThrow(() -> new IllegalArgumentException("unknown cloud \"" + name + "\""
                + where + "; use one of " + Cloud.names()));
        return Endpoint.cloud(parsed, Cloud.allowsDiscovery(name));
    }

    /** Whether a base URL is one of Falcon's clouds, where Falcon credentials belong. */
    private static boolean isFalcon(String baseUrl) {
        String normalized = BaseUrls.normalize(baseUrl);
        return Arrays.stream(Cloud.values()).anyMatch(cloud -> cloud.baseUrl().equals(normalized));
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
        return settings.mapper();
    }

    String userAgent() {
        return userAgent;
    }

    boolean isClosed() {
        return closed.get();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            if (auth instanceof AutoCloseable all) {
                SchemeAuth.close(all);
            } else {
                tokens.close();
            }
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
