package dev.falconharness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where calls go and who makes them. The client secret is never an argument (it would show in
 * {@code ps} and shell history): it comes from {@code FALCON_CLIENT_SECRET}, another environment
 * variable, or a file.
 */
final class ConnectionOptions {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "Use this profile of ~/.config/falcon/config (default: $FALCON_PROFILE, else [default]).")
    String profile;

    @Option(names = "--sandbox",
            description = "Call an embedded Falcon sandbox started for this command (no credentials needed).")
    boolean sandbox;

    @Option(names = "--client-id", paramLabel = "ID",
            description = "API client ID (default: $FALCON_CLIENT_ID).")
    String clientId;

    @Option(names = "--client-secret-env", paramLabel = "NAME",
            description = "Read the client secret from this environment variable (default: FALCON_CLIENT_SECRET).")
    String clientSecretEnv;

    @Option(names = "--client-secret-file", paramLabel = "PATH",
            description = "Read the client secret from this file (first line).")
    Path clientSecretFile;

    @Option(names = "--member-cid", paramLabel = "CID",
            description = "MSSP: act in this child customer (default: $FALCON_MEMBER_CID).")
    String memberCid;

    @Option(names = "--cloud", paramLabel = "NAME",
            description = "auto, us-1, us-2, us-3, eu-1, us-gov-1 or us-gov-2 (default: $FALCON_CLOUD, else auto).")
    String cloud;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Send calls to this URL instead (a proxy, a test server; default: $FALCON_BASE_URL).")
    String baseUrl;

    @Option(names = "--no-token-cache", description = "Request a new token for this command and revoke it after, "
            + "instead of reusing the cached one (also: FALCON_NO_TOKEN_CACHE=1). See 'falcon auth status'.")
    boolean noTokenCache;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Time allowed for the whole call, token request and retries included "
                    + "(default: 60 per attempt).")
    Integer timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N",
            description = "Retry a call up to N times after a connection failure, timeout, 429 or 5xx "
                    + "(default: 3; POST and PATCH only when they provably never arrived).")
    Integer retries;

    @Option(names = "--ca-cert", paramLabel = "PEM",
            description = "Also trust the CA certificates in this PEM file, e.g. a TLS-inspecting proxy's (repeatable).")
    List<Path> caCertificates = new ArrayList<>();

    @Option(names = "--proxy", paramLabel = "HOST:PORT", description = "Send calls through this HTTP proxy.")
    String proxy;

    /**
     * Not an option: commands that send many calls ({@code batch}) slow down as the API's rate-limit
     * headers near zero, rather than run into 429s.
     */
    boolean pacing;

    /** Not an option here: {@code --body-check} belongs to the request, but the harness is built here. Null: refuse. */
    dev.falconharness.BodyValidation bodyValidation;

    static ConnectionOptions orDefault(ConnectionOptions options) {
        return options != null ? options : new ConnectionOptions();
    }
}
