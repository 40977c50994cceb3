package dev.falconharness.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.HarnessBuilder;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded fake of the Falcon API: a real HTTP server on loopback that speaks OAuth2 as Falcon does,
 * keeps User Management state in memory, and answers every other operation of the built-in manifest with
 * a well-formed empty envelope. Use it to try the harness without an account and to test your own
 * automation, including how it handles rate limits and failures ({@link Fault}).
 *
 * <pre>{@code
 * try (FalconSandbox sandbox = FalconSandbox.start();
 *      Harness falcon = sandbox.harness()) {
 *     ApiResponse created = falcon.command("CreateUser", Map.of(), Map.of("uid", "ana@example.com"));
 *     String uuid = created.resources().get(0).path("uuid").asText();
 *     falcon.command("GrantUserRoleIds", Map.of("user_uuid", uuid), Map.of("roleIds", List.of("falcon_console_guest")));
 * }
 * }</pre>
 *
 * <p>Defaults: 127.0.0.1 on a free port; client ID {@value #CLIENT_ID} and secret {@value #CLIENT_SECRET};
 * tokens valid 1799 s; customer ID {@value #CUSTOMER_ID}; thirteen roles ({@code falcon_admin},
 * {@code falcon_console_guest}, {@code custom_ioas_manager}, {@code remote_responder_one}...) and one user,
 * {@code sandbox.admin@example.com}, holding {@code falcon_admin}; no faults; eight worker threads.
 *
 * <p>What it models: the twelve legacy User Management operations ({@code GetRoles} ... {@code RetrieveUserUUID})
 * and the {@code /user-management/} ones (FQL filters on {@code queryUserV1}, offset/limit paging, grant
 * and revoke actions, the combined grant listing), all on one store. Errors are the API's: 400 for missing
 * or malformed input, 401 without a valid token, 403 for another customer's CID, 404 for unknown IDs
 * (lookups of several IDs return what was found plus one error per missing ID), 409 for a taken uid.
 * A token request's {@code member_cid} is accepted and ignored: the sandbox has one customer.
 * {@code X-Ratelimit-Remaining} counts down per minute but is never enforced; inject a
 * {@link Fault#rateLimit} for 429s.
 *
 * <p>Thread-safe: any number of clients may call it at once. Tokens and secrets are never logged.
 */
public final class FalconSandbox implements AutoCloseable {
    /** The sandbox's API client ID. */
    public static final String CLIENT_ID = "sandbox-client-id";
    /** The sandbox's API client secret; documented, so not a secret, but treated as one all the same. */
    public static final String CLIENT_SECRET = "sandbox-client-secret";
    /** The customer ID of the built-in state. */
    public static final String CUSTOMER_ID = "5a4d3c2b1e0f4a9b8c7d6e5f4a3b2c1d";

    private static final System.Logger LOG = System.getLogger(FalconSandbox.class.getName());
    private static final Set<String> OPEN_OPERATIONS = Set.of("oauth2AccessToken", "oauth2RevokeToken");
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server flushes headers and body as separate segments; with Nagle's algorithm on, each
        // answer then waits for the client's delayed ACK (about 40 ms). The JDK reads this property once,
        // when its first HTTP server starts; an application's own choice is left alone.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final UserStore store;
    private final TokenStore tokens;
    private final FaultPlan faults;
    private final List<Fault> configuredFaults;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FalconSandbox(Builder b, SeedData seed) throws IOException {
        this.store = new UserStore(seed, b.clock);
        this.tokens = new TokenStore(b.clock, b.tokenLifetime);
        this.configuredFaults = List.copyOf(b.faults);
        this.faults = new FaultPlan(configuredFaults, b.faultSeed);
        OAuthEndpoints oauth = new OAuthEndpoints(CLIENT_ID, CLIENT_SECRET, tokens, new MinuteCounter(b.clock,
                OAuthEndpoints.badTokenLimit()));
        RouteTable routes = routes(Manifest.falcon(), handlers(store, oauth));
        Dispatcher dispatcher = new Dispatcher(routes, oauth, faults,
                new ResponseWriter(new MinuteCounter(b.clock, ResponseWriter.RATE_LIMIT)), b.clock);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.server = HttpServer.create(new InetSocketAddress(loopback, b.port), 0);
        this.workers = Executors.newFixedThreadPool(b.threads, daemonThreads());
        server.createContext("/", dispatcher);
        server.setExecutor(workers);
        server.start();
        String host = loopback instanceof Inet6Address ? "[" + loopback.getHostAddress() + "]" : loopback.getHostAddress();
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
        LOG.log(Level.DEBUG, () -> "Falcon sandbox listening on " + baseUrl);
    }

    /** Starts a sandbox with the defaults: loopback, a free port, the built-in state. */
    public static FalconSandbox start() {
        return builder().build();
    }

    /** A builder for a sandbox with other settings; {@link Builder#build()} starts it. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where the sandbox listens, e.g. {@code http://127.0.0.1:53121} (no trailing slash). */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code Credentials.of(CLIENT_ID, CLIENT_SECRET)}. */
    public Credentials credentials() {
        return Credentials.of(CLIENT_ID, CLIENT_SECRET);
    }

    /** The customer ID users and roles belong to. */
    public String customerId() {
        return store.cid();
    }

    /** A harness pointed at this sandbox with its credentials. Close it when done (it revokes its token). */
    public Harness harness() {
        return harnessBuilder().build();
    }

    /** A harness builder pointed at this sandbox with its credentials, for adding options. */
    public HarnessBuilder harnessBuilder() {
        return Harness.builder().baseUrl(baseUrl).credentials(credentials());
    }

    /**
     * Back to the initial state: the seeded users and grants, and the configured faults with their counts
     * and random sequence restarted. Issued tokens stay valid, so connected clients carry on.
     */
    public void reset() {
        store.reset();
        faults.replace(configuredFaults);
    }

    /** Replaces the faults in force (until {@link #reset()} restores the configured ones); none clears them. */
    public void injectFaults(Fault... newFaults) {
        List<Fault> list = List.of(newFaults);
        checkOperations(list);
        faults.replace(list);
    }

    /** The faults in force. */
    public List<Fault> faults() {
        return faults.faults();
    }

    /** How many tokens the sandbox has issued since it started (to see a client's refreshes). */
    public long tokensIssued() {
        return tokens.issued();
    }

    /** The tokens that are valid now (issued, not expired, not revoked). */
    int activeTokens() {
        return tokens.active();
    }

    /** Stops the server; requests in flight are cut off. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            // Interrupts workers still sleeping in a delay fault.
            workers.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "FalconSandbox{" + baseUrl + ", customer " + store.cid() + (closed.get() ? ", closed" : "") + "}";
    }

    /** The modelled operations by ID; every other manifest operation gets the generic answer. */
    static Map<String, Handler> handlers(UserStore store, OAuthEndpoints oauth) {
        Map<String, Handler> handlers = new HashMap<>();
        handlers.putAll(new LegacyUserOperations(store).handlers());
        handlers.putAll(new UserManagementV1Operations(store).handlers());
        handlers.put("oauth2AccessToken", oauth::token);
        handlers.put("oauth2RevokeToken", oauth::revoke);
        return handlers;
    }

    private static RouteTable routes(Manifest manifest, Map<String, Handler> handlers) {
        return RouteTable.compile(manifest, ops -> ops.stream().map(op -> handlers.get(op.id()))
                .filter(Objects::nonNull).findFirst().orElseGet(() -> GenericOperations.handler(ops)), OPEN_OPERATIONS);
    }

    /** A typo in a fault's operation ID would silently never fire; refuse it with the closest IDs. */
    private static void checkOperations(List<Fault> list) {
        Manifest manifest = Manifest.falcon();
        for (Fault fault : list) {
            String id = Objects.requireNonNull(fault, "fault").operationId();
            if (id != null && manifest.operation(id) == null) {
                List<String> close = Suggestions.closest(id, manifest.operationIds(), 3);
                throw new IllegalArgumentException("fault for unknown operation " + id
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?"));
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "falcon-sandbox-" + count.incrementAndGet());
            // Worker threads never keep a JVM alive; the server's own thread does until close().
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Configures and starts a {@link FalconSandbox}. Not thread-safe; {@link #build()} returns a started
     * sandbox.
     */
    public static final class Builder {
        private int port;
        private Duration tokenLifetime = Duration.ofSeconds(1799);
        private Path seed;
        private final List<Fault> faults = new ArrayList<>();
        private long faultSeed = 42;
        private Clock clock = Clock.systemUTC();
        private int threads = 8;

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("a port is 0 (any free port) to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** How long tokens stay valid (default 1799 s, as Falcon); short ones let tests see refreshes. */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("the token lifetime must be positive, got " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * Starts from the state in a JSON file instead of the built-in one. Every field is optional:
         *
         * <pre>{@code
         * {
         *   "cid": "0123456789abcdef0123456789abcdef",
         *   "roles": [ {"id": "falcon_admin", "display_name": "Falcon Administrator", "description": "..."} ],
         *   "users": [ {"uuid": "0d1b...", "uid": "ana@example.com", "first_name": "Ana", "last_name": "Lima",
         *               "created_at": "2024-05-01T12:00:00Z", "last_login_at": "2024-06-01T08:30:00Z",
         *               "roles": ["falcon_admin"]} ]
         * }
         * }</pre>
         *
         * <p>{@code roles} replaces the built-in catalogue; {@code users} replaces the built-in
         * administrator; a user without {@code uuid} gets a random one; {@code uid}s must be unique
         * (ignoring case) and {@code roles} must name catalogue roles. Unknown fields are errors, so typos
         * do not pass silently. The file is read by {@link #build()}, which reports every problem at once
         * in an {@link IllegalArgumentException}.
         */
        public Builder seed(Path json) {
            this.seed = Objects.requireNonNull(json, "seed file");
            return this;
        }

        /** Faults to inject, in the order they are checked; adds to earlier ones. */
        public Builder faults(Fault... list) {
            faults.addAll(List.of(list));
            return this;
        }

        /** Faults to inject, in the order they are checked; adds to earlier ones. */
        public Builder faults(List<Fault> list) {
            faults.addAll(List.copyOf(list));
            return this;
        }

        /** The seed of the random numbers behind {@link Fault#atRate(double)} (default 42). */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /** The clock for token expiry, timestamps and rate-limit windows (tests pass a fake one). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Worker threads answering requests (default 8); delay faults hold one each while they wait. */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("the sandbox needs at least one thread, got " + count);
            }
            this.threads = count;
            return this;
        }

        /**
         * Starts the sandbox.
         *
         * @throws IllegalArgumentException if the seed file or a fault is invalid
         * @throws UncheckedIOException     if the seed file cannot be read or the port cannot be bound
         */
        public FalconSandbox build() {
            SeedData data = seed == null ? SeedData.defaults() : SeedData.load(seed);
            checkOperations(faults);
            try {
                return new FalconSandbox(this, data);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Falcon sandbox on 127.0.0.1:" + port + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
