package dev.falconharness.sandbox;

import dev.falconharness.Cloud;
import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.HarnessBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * An embedded fake of the Falcon API: a real HTTP server (Jetty) on loopback that speaks OAuth2 as Falcon
 * does, keeps User Management state and a seeded fleet of hosts, host groups, alerts and custom indicators
 * (IOCs) in memory, and answers every
 * other operation of the built-in manifest with a well-formed empty envelope. Use it to try the harness without an account and to test your own
 * automation, in Java or in any language ({@link Builder#tls()} for clients that insist on HTTPS),
 * including how it handles rate limits and failures ({@link Fault}).
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
 * <p>Defaults: plain HTTP on 127.0.0.1 on a free port; client ID {@value #CLIENT_ID} and secret
 * {@value #CLIENT_SECRET}; tokens valid 1799 s; customer ID {@value #CUSTOMER_ID} and no MSSP children;
 * thirteen roles ({@code falcon_admin}, {@code falcon_console_guest}, {@code custom_ioas_manager}...) and
 * one user, {@code sandbox.admin@example.com}, holding {@code falcon_admin}; a fleet of
 * 50 hosts ({@link Builder#hosts(int)}) with three dynamic host groups, 10 alerts and twelve indicators; no faults; no
 * {@code X-Cs-Region} header; eight worker threads.
 *
 * <p>What it models: the twelve legacy User Management operations ({@code GetRoles} ... {@code RetrieveUserUUID})
 * and the {@code /user-management/} ones (FQL filters on {@code queryUserV1}, offset/limit paging, grant
 * and revoke actions with expiry, the combined grant listing), all on one store per customer. Bodies are
 * read as the API reads them: unknown fields ignored and never stored, a wrong JSON type or a missing
 * required field a 400 naming the field. Answers keep to the status codes each operation documents
 * (a taken uid is a 400, an unknown user a 404 only where the operation documents 404). Every answer
 * carries {@code Content-Type}, {@code X-Cs-Traceid}, {@code X-Ratelimit-Limit} and
 * {@code X-Ratelimit-Remaining}, spelt as Falcon spells them. {@code X-Ratelimit-Remaining} counts down per
 * minute but is enforced only with {@link Builder#rateLimit}; or inject a {@link Fault#rateLimit} for 429s.
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
    /** A customer ID: 32 hexadecimal digits (lower case here), as Falcon writes them. */
    private static final Pattern CID = Pattern.compile("[0-9a-f]{32}");

    private final JettyServer server;
    private final Tenants tenants;
    private final Fleets fleets;
    private final TokenStore tokens;
    private final FaultPlan faults;
    private final List<Fault> configuredFaults;
    private final SandboxTls tls;
    private final List<String> childCids;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FalconSandbox(Builder b, SeedData seed) throws IOException {
        this.childCids = List.copyOf(b.childCids);
        this.tenants = new Tenants(seed, childCids, b.clock);
        this.fleets = new Fleets(b.fleetSeed, b.hosts, seed.fleet(), seed.cid(), childCids, b.clock);
        this.tokens = new TokenStore(b.clock, b.tokenLifetime);
        this.configuredFaults = List.copyOf(b.faults);
        this.faults = new FaultPlan(configuredFaults, b.faultSeed);
        OAuthEndpoints oauth = new OAuthEndpoints(CLIENT_ID, CLIENT_SECRET, tokens, new MinuteCounter(b.clock,
                OAuthEndpoints.badTokenLimit()), seed.cid().toLowerCase(Locale.ROOT), Set.copyOf(childCids));
        Dispatcher dispatcher = new Dispatcher(SandboxRoutes.compile(tenants, fleets, oauth), oauth, faults,
                new ResponseWriter(new MinuteCounter(b.clock, ResponseWriter.RATE_LIMIT), b.region), b.clock)
                .withBudget(b.rateLimit == 0 ? null : new RateBudget(b.rateLimit, b.rateWindow, b.clock));
        this.tls = b.tls ? SandboxTls.generate() : null;
        try {
            this.server = new JettyServer(dispatcher, b.port, tls == null ? null : tls.contextFactory(), b.threads, b.maxUnfinished);
        } catch (IOException | RuntimeException e) {
            if (tls != null) {
                tls.delete();
            }
            throw e;
        }
        try {
            fleets.awaitReady();
        } catch (RuntimeException e) {
            server.close();
            if (tls != null) {
                tls.delete();
            }
            throw e;
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        String host = loopback instanceof Inet6Address ? "[" + loopback.getHostAddress() + "]" : loopback.getHostAddress();
        this.baseUrl = (tls == null ? "http://" : "https://") + host + ":" + server.port();
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

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    /**
     * The PEM file with the CA certificate that signed the sandbox's server certificate, for clients to
     * trust ({@code REQUESTS_CA_BUNDLE}, {@code SSL_CERT_FILE}, {@code falcon --ca-cert}); deleted when the
     * sandbox closes.
     *
     * @throws IllegalStateException when the sandbox was not started with {@link Builder#tls()}
     */
    public Path caCertificate() {
        if (tls == null) {
            throw new IllegalStateException("this sandbox speaks plain HTTP; start it with FalconSandbox.builder().tls()"
                    + " for HTTPS and a CA certificate");
        }
        return tls.caCertificate();
    }

    /** Whether it speaks HTTPS ({@link Builder#tls()}). */
    public boolean isTls() {
        return tls != null;
    }

    /** The MSSP child customer IDs it accepts as {@code member_cid}, in the order given. */
    public List<String> childCids() {
        return childCids;
    }

    /** {@code Credentials.of(CLIENT_ID, CLIENT_SECRET)}. */
    public Credentials credentials() {
        return Credentials.of(CLIENT_ID, CLIENT_SECRET);
    }

    /** The customer ID users and roles belong to. */
    public String customerId() {
        return tenants.parent().cid();
    }

    /** A harness pointed at this sandbox with its credentials. Close it when done (it revokes its token). */
    public Harness harness() {
        return harnessBuilder().build();
    }

    /**
     * A harness builder pointed at this sandbox with its credentials, for adding options; with
     * {@link Builder#tls()}, it trusts the sandbox's CA certificate too.
     */
    public HarnessBuilder harnessBuilder() {
        HarnessBuilder builder = Harness.builder().baseUrl(baseUrl).credentials(credentials());
        return tls == null ? builder : builder.trustCertificates(tls.caCertificate());
    }

    /**
     * Back to the initial state: the seeded users and grants (and empty child customers), and the
     * configured faults with their counts and random sequence restarted. Issued tokens stay valid, so
     * connected clients carry on.
     */
    public void reset() {
        tenants.reset();
        fleets.reset();
        faults.replace(configuredFaults);
    }

    /** Replaces the faults in force (until {@link #reset()} restores the configured ones); none clears them. */
    public void injectFaults(Fault... newFaults) {
        List<Fault> list = List.of(newFaults);
        SandboxRoutes.checkOperations(list);
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

    /** Stops the server (requests in flight are cut off) and deletes the CA certificate file. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
            if (tls != null) {
                tls.delete();
            }
        }
    }

    @Override
    public String toString() {
        return "FalconSandbox{" + baseUrl + ", customer " + customerId() + (closed.get() ? ", closed" : "") + "}";
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
        private int maxUnfinished = JettyServer.MAX_UNFINISHED;
        private boolean tls;
        private String region;
        private final Set<String> childCids = new LinkedHashSet<>();
        private int hosts = Fleets.DEFAULT_HOSTS;
        private boolean hostsGiven;
        private long fleetSeed = Fleets.DEFAULT_SEED;
        private int rateLimit;
        private Duration rateWindow;

        private Builder() {
        }

        /**
         * The number of hosts in the generated fleet (default 50); 50,000 take a fraction of a
         * second to build. The fleet is the same on every run for the same count and
         * {@link #fleetSeed(long)}. Not with a {@link #seed(Path) seed file} that lists its own
         * {@code hosts}.
         */
        public Builder hosts(int count) {
            if (count < 0 || count > 1_000_000) {
                throw new IllegalArgumentException("hosts must be from 0 to 1,000,000, got " + count);
            }
            this.hosts = count;
            this.hostsGiven = true;
            return this;
        }

        /**
         * Enforces a request budget per customer, as Falcon does: {@code requests} authenticated calls in
         * any {@code window} (a sliding window on the sandbox clock), then 429 {@code API rate limit exceeded}
         * with {@code X-Ratelimit-Retryafter} (the epoch second at which the oldest call in the window leaves
         * it). Every answer carries this budget in {@code X-Ratelimit-Limit} and {@code X-Ratelimit-Remaining}.
         * Default: no budget is enforced. Example: {@code rateLimit(6000, Duration.ofMinutes(1))}.
         */
        public Builder rateLimit(int requests, Duration window) {
            if (requests < 1) {
                throw new IllegalArgumentException("a rate limit allows at least 1 request, got " + requests);
            }
            if (window == null || window.toMillis() < 1) {
                throw new IllegalArgumentException("a rate-limit window must be at least a millisecond, got " + window);
            }
            this.rateLimit = requests;
            this.rateWindow = window;
            return this;
        }

        /** The seed the fleet is generated from (default 20261101). */
        public Builder fleetSeed(long seed) {
            this.fleetSeed = seed;
            return this;
        }

        /**
         * Speaks HTTPS instead of HTTP: at start the sandbox makes a CA and a certificate for 127.0.0.1, ::1
         * and localhost, and writes the CA certificate to a file ({@link FalconSandbox#caCertificate()}) for
         * clients to trust. {@link FalconSandbox#harness()} trusts it by itself.
         */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /**
         * Sends {@code X-Cs-Region: <region>} on every answer, as Falcon does; by default the header is left
         * out, because a client that sees it may move itself to that region's real cloud. For tests of
         * region discovery, e.g. against a second sandbox.
         *
         * @param region a Falcon region: us-1, us-2, us-3, eu-1, us-gov-1 or us-gov-2
         */
        public Builder region(String region) {
            Objects.requireNonNull(region, "region");
            Cloud cloud = Cloud.parse(region).orElseThrow(() -> new IllegalArgumentException("unknown region \""
                    + region + "\"; use us-1, us-2, us-3, eu-1, us-gov-1 or us-gov-2"));
            this.region = cloud.regionName();
            return this;
        }

        /**
         * MSSP child customers: a token request with {@code member_cid} set to one of these gets a token
         * scoped to that child, whose User Management state is its own (the parent's roles, no users); any
         * other {@code member_cid} is refused with 403. Adds to earlier ones.
         *
         * @param cids customer IDs, 32 hexadecimal digits each
         */
        public Builder childCids(String... cids) {
            for (String cid : cids) {
                String key = Objects.requireNonNull(cid, "child CID").strip().toLowerCase(Locale.ROOT);
                if (!CID.matcher(key).matches()) {
                    throw new IllegalArgumentException("a child CID is 32 hexadecimal digits, got \"" + cid + "\"");
                }
                childCids.add(key);
            }
            return this;
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
         *               "roles": ["falcon_admin"]} ],
         *   "hosts": [ {"hostname": "web-01", "platform_name": "Linux", "tags": ["FalconGroupingTags/web"],
         *               "last_seen": "2026-10-30T12:00:00Z", "status": "contained"} ],
         *   "host_groups": [ {"name": "Web", "group_type": "dynamic", "assignment_rule": "tags:'FalconGroupingTags/web'"},
         *                    {"name": "Pilot", "group_type": "static", "hosts": ["web-01"]} ],
         *   "indicators": [ {"type": "domain", "value": "bad.example.net", "action": "detect", "severity": "high",
         *                    "platforms": ["windows"], "applied_globally": false, "host_groups": ["Web"]} ],
         *   "alerts": [ {"hostname": "web-01", "pattern_id": 30215, "severity": 90, "status": "in_progress"} ]
         * }
         * }</pre>
         *
         * <p>{@code roles} replaces the built-in catalogue; {@code users} replaces the built-in
         * administrator; a user without {@code uuid} gets a random one; {@code uid}s must be unique
         * (ignoring case) and {@code roles} must name catalogue roles. {@code hosts} replaces the
         * generated fleet: {@code hostname} is required, and each field a host leaves out
         * ({@code device_id}, {@code platform_name}, {@code os_version}, {@code os_build},
         * {@code product_type_desc}, {@code agent_version}, {@code first_seen}, {@code last_seen},
         * {@code external_ip}, {@code local_ip}, {@code mac_address}, {@code system_manufacturer},
         * {@code machine_domain}) is generated from {@link #fleetSeed(long)}, as for a generated host;
         * {@code status} is {@code normal} or {@code contained}, {@code host_hidden_status}
         * {@code visible} or {@code hidden}. {@code host_groups} replaces the three built-in groups: a
         * dynamic group takes an FQL {@code assignment_rule}, a static one lists its {@code hosts} by
         * device ID or hostname. {@code indicators} replaces the generated IOCs; each is checked as
         * {@code indicator_create_v1} checks one (a past expiration is allowed), names its
         * {@code host_groups} by ID or name, and gets an {@code id} when it has none. {@code alerts}
         * replaces the generated alerts: each names its host by {@code device_id} or {@code hostname} and its
         * detection by {@code pattern_id}, and may set what triage changes. Unknown fields are
         * errors, so typos do not pass silently. The file is read by {@link #build()}, which reports every
         * problem at once in an {@link IllegalArgumentException} (problems of records that refer to the
         * fleet's hosts or groups, after those of the file's shape).
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

        /** Requests in progress at once before a new one is a 503 (default 256); tests lower it. */
        Builder maxUnfinishedRequests(int count) {
            this.maxUnfinished = count;
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
         * @throws IllegalArgumentException if the seed file or a fault is invalid, a child CID is the
         *                                  parent's own, or the seed file lists hosts and {@link #hosts(int)}
         *                                  was set too
         * @throws UncheckedIOException     if the seed file cannot be read or the port cannot be bound
         */
        public FalconSandbox build() {
            SeedData data = seed == null ? SeedData.defaults() : SeedData.load(seed);
            if (hostsGiven && data.fleet().hosts() != null) {
                throw new IllegalArgumentException("the seed file " + seed + " lists its own hosts, so hosts(" + hosts
                        + ") has nothing to generate; leave out hosts(n) (--hosts), or the seed file's \"hosts\"");
            }
            if (childCids.contains(data.cid().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("child CID " + data.cid() + " is the sandbox's own customer ID");
            }
            SandboxRoutes.checkOperations(faults);
            try {
                return new FalconSandbox(this, data);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Falcon sandbox on 127.0.0.1:" + port + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
