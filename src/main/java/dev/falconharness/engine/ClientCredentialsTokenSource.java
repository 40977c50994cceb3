package dev.falconharness.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.AuthenticationException;
import dev.falconharness.Credentials;
import dev.falconharness.auth.AccessToken;
import dev.falconharness.auth.TokenSource;
import dev.falconharness.http.CallListener;
import dev.falconharness.http.Headers;
import dev.falconharness.http.PercentEncoder;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.RequestBody;
import dev.falconharness.manifest.AuthSpec;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * OAuth2 client credentials, by default as Falcon does them ({@link AuthSpec#FALCON}): {@code POST /oauth2/token} with a form of
 * {@code client_id}, {@code client_secret} and optional {@code member_cid}; the token is reused until it
 * is about to expire, then refreshed once while every other caller waits for that one result (a
 * synchronous caller on its future, an asynchronous call without a thread, see {@link #whenReady}); the
 * response's {@code X-Cs-Region} may move the {@link Endpoint}; {@link #close()} revokes the token.
 * Thread-safe.
 *
 * <p>A fetch is one token request, never retried here: it runs inside the retry loop of the call that
 * needs it, and a failure that may pass (429, 5xx, a lost connection) is thrown as a
 * {@link TokenUnavailableException} for that loop to count and retry.
 *
 * <p>Defaults: refresh 120 s before expiry (or halfway through a shorter lifetime), 1799 s lifetime when
 * the response names none.
 */
public final class ClientCredentialsTokenSource implements TokenSource {
    /** Falcon's token paths. */
    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String REVOKE_PATH = "/oauth2/revoke";

    private static final System.Logger LOG = System.getLogger(ClientCredentialsTokenSource.class.getName());
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(1799);
    private static final Duration REVOKE_TIMEOUT = Duration.ofSeconds(5);
    /** No token lives longer than a day; a larger {@code expires_in} is a broken answer, not a promise. */
    private static final Duration LONGEST_LIFETIME = Duration.ofDays(1);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Credentials credentials;
    private final Endpoint endpoint;
    private final List<Stage> stages;
    private final Headers headers;
    private final Clock clock;
    private final Duration refreshWindow;
    private final CallListener listener;
    private final AuthSpec spec;
    private final AtomicReference<Fetch> inflight = new AtomicReference<>();
    private final AtomicReference<Held> held = new AtomicReference<>();
    private volatile boolean closed;

    /** A token with the moment it should be replaced. */
    private record Held(AccessToken token, Instant refreshAt) {
    }

    /**
     * @param credentials   client ID and secret (and member CID)
     * @param endpoint      where the token endpoint is; moved by {@code X-Cs-Region}
     * @param stages        the stages token requests go through, ending with the transport; no retry
     *                      stage (the call that needs the token retries)
     * @param headers       headers for token requests ({@code User-Agent}...)
     * @param clock         the time source for expiry
     * @param refreshWindow how long before expiry a token is replaced
     */
    public ClientCredentialsTokenSource(Credentials credentials, Endpoint endpoint, List<Stage> stages, Headers headers,
            Clock clock, Duration refreshWindow) {
        this(credentials, endpoint, stages, headers, clock, refreshWindow, CallListener.NONE);
    }

    /** As above, telling {@code listener} of every token obtained. */
    public ClientCredentialsTokenSource(Credentials credentials, Endpoint endpoint, List<Stage> stages, Headers headers,
            Clock clock, Duration refreshWindow, CallListener listener) {
        this(AuthSpec.FALCON, credentials, endpoint, stages, headers, clock, refreshWindow, listener);
    }

    /**
     * OAuth2 client credentials as {@code spec} describes them: any token URL, optional scope, revoke URL,
     * region header and child-account field. {@link AuthSpec#FALCON} is Falcon's configuration.
     */
    public ClientCredentialsTokenSource(AuthSpec spec, Credentials credentials, Endpoint endpoint, List<Stage> stages,
            Headers headers, Clock clock, Duration refreshWindow, CallListener listener) {
        if (credentials.isBearerToken()) {
            throw new IllegalArgumentException("client credentials are needed; use StaticTokenSource for a bearer token");
        }
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.stages = List.copyOf(stages);
        this.headers = headers.with("Accept", "application/json");
        this.clock = clock;
        this.refreshWindow = refreshWindow;
        this.listener = listener;
        this.spec = spec;
        if (spec.type() != AuthSpec.Type.OAUTH2_CLIENT_CREDENTIALS) {
            throw new IllegalArgumentException("not an OAuth2 client-credentials configuration: " + spec.type());
        }
    }

    @Override
    public AccessToken token() throws IOException {
        return token(Duration.ofNanos(Long.MAX_VALUE));
    }

    @Override
    public AccessToken token(Duration within) throws IOException {
        if (closed) {
            throw new IllegalStateException("this harness is closed");
        }
        Held current = held.get();
        if (fresh(current)) {
            return current.token();
        }
        Fetch mine = new Fetch(within);
        Fetch running = inflight.compareAndExchange(null, mine);
        if (running == null) {
            running = mine;
        }
        // A fetch queued on an executor may sit behind this very thread (a pool of one, a busy pool): run it
        // here unless its task already started, so no one ever waits for work that cannot begin.
        running.runIfUnclaimed();
        return await(running.result, within).token();
    }

    /**
     * Completed at once while the token is fresh; otherwise the fetch in flight, or a new one handed to
     * {@code executor}. Waiting calls hold no thread: they are given one when this completes.
     */
    @Override
    public CompletableFuture<?> whenReady(Executor executor, Duration within) {
        if (fresh(held.get())) {
            return CompletableFuture.completedFuture(null);
        }
        Fetch mine = new Fetch(within);
        Fetch running = inflight.compareAndExchange(null, mine);
        if (running != null) {
            return running.result;
        }
        try {
            executor.execute(mine::runIfUnclaimed);
        } catch (Throwable e) {
            // Refused, or no thread could be made: fail the fetch rather than leave it for no one to run.
            mine.abandon(e);
        }
        return mine.result;
    }

    private boolean fresh(Held current) {
        return current != null && clock.instant().isBefore(current.refreshAt());
    }

    /**
     * One token fetch, run once by whoever claims it first: the executor task made for it, or a caller
     * that would otherwise wait for it.
     */
    private final class Fetch {
        final CompletableFuture<Held> result = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final Duration within;

        Fetch(Duration within) {
            this.within = within;
        }

        void runIfUnclaimed() {
            if (claimed.compareAndSet(false, true)) {
                run();
            }
        }

        void abandon(Throwable why) {
            if (claimed.compareAndSet(false, true)) {
                inflight.compareAndSet(this, null);
                result.completeExceptionally(why);
            }
        }

        /** Fetches (unless a fetch that ended just now left a fresh token) and completes the result. */
        private void run() {
            try {
                Held current = held.get();
                Held fetched = fresh(current) ? current : fetch(within);
                if (closed) {
                    // The harness closed while this was in flight: the token is nobody's, so give it back.
                    revoke(fetched);
                    throw new IllegalStateException("this harness is closed");
                }
                held.set(fetched);
                result.complete(fetched);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                inflight.compareAndSet(this, null);
            }
        }
    }

    private static Held await(CompletableFuture<Held> fetch, Duration within) throws IOException {
        try {
            return fetch.get(Math.max(0, saturatedNanos(within)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new HttpTimeoutException("no access token within " + within.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an access token");
        } catch (ExecutionException e) {
            throw Call.rethrow(e.getCause());
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public boolean isOwnEndpoint(PreparedRequest request) {
        String path = pathOf(request);
        return path.equals(spec.tokenUrl()) || path.equals(spec.revokeUrl());
    }

    @Override
    public String ownEndpointAuthorization(PreparedRequest request) {
        return pathOf(request).equals(spec.revokeUrl()) ? basicAuthorization() : null;
    }

    private static String pathOf(PreparedRequest request) {
        int query = request.target().indexOf('?');
        return query < 0 ? request.target() : request.target().substring(0, query);
    }

    private String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.clientId().orElseThrow() + ":"
                + credentials.revealClientSecret()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    @Override
    public void invalidate(AccessToken refused) {
        Held current = held.get();
        if (current != null && current.token().equals(refused)) {
            // Only the refused token is dropped: a newer one set meanwhile stays.
            held.compareAndSet(current, null);
        }
    }

    private Held fetch(Duration within) throws IOException {
        Call call = Call.within(within);
        Instant requested = clock.instant();
        RawResponse response = post(tokenRequest(), call);
        String region = region(response);
        // A token request sent to the wrong region may be redirected; follow the region once.
        if (response.status() >= 300 && response.status() < 400 && endpoint.discover(region)) {
            response = post(tokenRequest(), call);
        }
        if (response.status() == 429 || response.status() >= 500) {
            throw new TokenUnavailableException("the token endpoint answered HTTP " + response.status(), response,
                    refused(response), null);
        }
        if (response.status() != 200 && response.status() != 201) {
            throw refused(response);
        }
        JsonNode json = parse(response);
        String token = json.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new AuthenticationException("The token response (HTTP " + response.status()
                    + ") has no access_token", response.status(), traceId(response), List.of());
        }
        if (!AccessToken.isSendable(token)) {
            // Never cached and never shown: the JDK's own error would echo it into logs.
            throw new AuthenticationException("The token response (HTTP " + response.status() + ") holds an "
                    + "access_token that cannot be sent in a header (a space, control or non-ASCII character); "
                    + "it was not used", response.status(), traceId(response), List.of());
        }
        endpoint.discover(region(response));
        Duration lifetime = lifetime(json.path("expires_in"));
        Duration window = refreshWindow.compareTo(lifetime.dividedBy(2)) < 0 ? refreshWindow : lifetime.dividedBy(2);
        LOG.log(Level.DEBUG, () -> "Obtained an access token valid for " + lifetime.toSeconds() + " s from " + endpoint.baseUrl());
        listener.tokenObtained(lifetime);
        return new Held(new AccessToken(token, requested.plus(lifetime)), requested.plus(lifetime).minus(window));
    }

    /** The token's lifetime: the answer's, within reason; the default when it names none. */
    private static Duration lifetime(JsonNode expiresIn) {
        if (!expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
            return DEFAULT_LIFETIME;
        }
        return expiresIn.asLong() >= LONGEST_LIFETIME.toSeconds() ? LONGEST_LIFETIME : Duration.ofSeconds(expiresIn.asLong());
    }

    private String region(RawResponse response) {
        return spec.regionHeader() == null ? null : response.headers().value(spec.regionHeader()).orElse(null);
    }

    private PreparedRequest tokenRequest() {
        StringBuilder form = new StringBuilder();
        appendField(form, "client_id", credentials.clientId().orElseThrow());
        appendField(form, "client_secret", credentials.revealClientSecret());
        if (spec.memberCidField() != null) {
            credentials.memberCid().ifPresent(cid -> appendField(form, spec.memberCidField(), cid));
        }
        if (spec.scope() != null) {
            appendField(form, "scope", spec.scope());
        }
        return form(spec.tokenUrl(), form, headers);
    }

    /** A form POST to {@code url}: a path on the API's (current) base URL, or an absolute URL. */
    private PreparedRequest form(String url, StringBuilder form, Headers requestHeaders) {
        RequestBody body = RequestBody.of("application/x-www-form-urlencoded", form.toString().getBytes(StandardCharsets.US_ASCII));
        String base = endpoint.baseUrl();
        String path = url;
        if (!url.startsWith("/")) {
            java.net.URI uri = java.net.URI.create(url);
            base = uri.getScheme() + "://" + uri.getRawAuthority();
            path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        }
        return new PreparedRequest(null, "POST", base, path, requestHeaders, body, null);
    }

    private static void appendField(StringBuilder form, String name, String value) {
        form.append(form.length() == 0 ? "" : "&").append(name).append('=')
                .append(PercentEncoder.encode(value));
    }

    /** One token request; a lost one is a passing failure of the call that needs the token. */
    private RawResponse post(PreparedRequest request, Call call) throws IOException {
        try {
            return StageChain.send(stages, request, call);
        } catch (IOException e) {
            throw new TokenUnavailableException("the token request to " + request.redactedUrl() + " failed: "
                    + e.getClass().getSimpleName(), null, null, e);
        }
    }

    private AuthenticationException refused(RawResponse response) {
        List<String> messages = errorMessages(response);
        String why = messages.isEmpty() ? "" : ": " + String.join("; ", messages);
        String hint = response.status() != 401 && response.status() != 403 ? ""
                : spec.regionHeader() != null
                ? ". Check the client ID and secret (FALCON_CLIENT_ID / FALCON_CLIENT_SECRET), that the API client is "
                + "enabled, and that the cloud is right (now " + endpoint.baseUrl() + ")"
                : ". Check the client ID and secret" + (spec.scope() != null ? " and the scope" : "");
        String trace = traceId(response) == null ? "" : " [trace id " + traceId(response) + "]";
        return new AuthenticationException("Authentication failed: the token endpoint answered HTTP "
                + response.status() + why + hint + trace, response.status(), traceId(response), messages);
    }

    private static List<String> errorMessages(RawResponse response) {
        List<String> messages = new ArrayList<>();
        try {
            for (JsonNode error : MAPPER.readTree(response.body()).path("errors")) {
                String message = error.path("message").asText("");
                if (!message.isEmpty()) {
                    messages.add(message);
                }
            }
        } catch (IOException e) {
            // Not JSON (a gateway page): the status says enough.
        }
        return messages;
    }

    private static JsonNode parse(RawResponse response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AuthenticationException("The token response (HTTP " + response.status()
                    + ") is not JSON", response.status(), traceId(response), List.of());
        }
    }

    private static String traceId(RawResponse response) {
        return response.headers().value("X-Cs-Traceid").orElse(null);
    }

    /**
     * Revokes the current token, if any, and refuses to fetch another; a token whose fetch was in flight
     * is revoked when it arrives. A failure to revoke is logged, not thrown.
     */
    @Override
    public void close() {
        closed = true;
        revoke(held.getAndSet(null));
    }

    /** Gives a token back; best effort, never throws. */
    private void revoke(Held current) {
        if (current == null || spec.revokeUrl() == null) {
            return;
        }
        StringBuilder form = new StringBuilder();
        appendField(form, "token", current.token().value());
        try {
            // Best effort: one attempt, no retries, a short bound. Closing must not hang on a slow server,
            // and the token expires on its own anyway.
            PreparedRequest revoke = form(spec.revokeUrl(), form, headers.with("Authorization", basicAuthorization()))
                    .withTimeout(REVOKE_TIMEOUT);
            RawResponse response = StageChain.send(stages, revoke, Call.within(REVOKE_TIMEOUT));
            LOG.log(Level.DEBUG, () -> "Revoked the access token: HTTP " + response.status());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Could not revoke the access token: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokenSource{" + credentials + ", " + endpoint + "}";
    }
}
