package dev.falconharness.cli;

import dev.falconharness.Cloud;
import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.HarnessBuilder;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.manifest.AuthSpec;
import dev.falconharness.manifest.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.ProxySelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens the {@link Session} a call goes through, from the connection options and the environment.
 * Precedence: options, then {@code FALCON_*} variables, then the harness defaults (cloud {@code auto}).
 * Nothing touches the network here; the token is requested by the first call.
 */
final class Connector {
    private Connector() {
    }

    /**
     * Missing credentials are not an error yet: they are reported after the arguments are checked, and
     * a dry run needs none.
     *
     * @param verboseLog where {@code --verbose} logs go, or null for none
     */
    static Session open(ConnectionOptions c, ManifestOptions manifests, Io io, PrintWriter verboseLog) {
        if (c.sandbox) {
            return SandboxConnector.open(c, manifests, verboseLog);
        }
        io = Profiles.apply(io, c.profile);
        HarnessBuilder builder = Harness.builder();
        if (!manifests.builtIn()) {
            builder.manifest(manifests.load());
        }
        Credentials credentials = credentials(c, io);
        java.util.Set<String> schemes = manifests.builtIn() ? java.util.Set.of() : schemeCredentials(manifests.load(), io, builder);
        Session.Auth auth = credentials != null || !schemes.isEmpty() ? Session.Auth.CREDENTIALS
                : needsCredentials(manifests) ? Session.Auth.MISSING : Session.Auth.NONE_NEEDED;
        where(c, io, builder);
        CachedTokenSource cached = credentials != null && credentials.isClientCredentials() && manifests.builtIn()
                && TokenCache.enabled(io, c.noTokenCache) ? cachedTokens(credentials, c, io, verboseLog) : null;
        if (cached != null) {
            builder.tokenSource(cached).baseUrl(cached.baseUrl());
        } else if (credentials != null) {
            builder.credentials(credentials);
        }
        finish(builder, c, verboseLog);
        return new Session(builder.build(), null, auth, schemes);
    }

    /**
     * Credentials for each named scheme of the manifest ({@code securitySchemes}) found in the
     * environment, given to {@code builder}; the names of the schemes served. See {@link #schemeVariable}.
     */
    private static java.util.Set<String> schemeCredentials(Manifest manifest, Io io, HarnessBuilder builder) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        manifest.security().schemes().forEach((name, spec) -> {
            Credentials credentials = schemeCredentials(name, spec, io);
            if (credentials != null) {
                builder.credentials(name, credentials);
                found.add(name);
            }
        });
        return found;
    }

    private static Credentials schemeCredentials(String scheme, AuthSpec spec, Io io) {
        String token = io.env(schemeVariable(scheme, "TOKEN"));
        return switch (spec.type()) {
            case API_KEY -> present(io.env(schemeVariable(scheme, "API_KEY")), Credentials::apiKey);
            case BEARER -> present(token, Credentials::bearerToken);
            case BASIC -> pair(io, scheme, "USERNAME", "PASSWORD", Credentials::basic);
            case OAUTH2_CLIENT_CREDENTIALS -> token != null ? Credentials.bearerToken(token)
                    : pair(io, scheme, "CLIENT_ID", "CLIENT_SECRET", Credentials::of);
            case NONE -> null;
        };
    }

    private static Credentials present(String value, java.util.function.Function<String, Credentials> make) {
        return value == null || value.isBlank() ? null : make.apply(value.strip());
    }

    private static Credentials pair(Io io, String scheme, String first, String second,
            java.util.function.BiFunction<String, String, Credentials> make) {
        String one = io.env(schemeVariable(scheme, first));
        String two = io.env(schemeVariable(scheme, second));
        if (one == null && two == null) {
            return null;
        }
        if (one == null || two == null) {
            throw CommandFailure.auth("Set both " + schemeVariable(scheme, first) + " and " + schemeVariable(scheme, second)
                    + " for the scheme \"" + scheme + "\"; only one of them is set");
        }
        return make.apply(one, two);
    }

    /**
     * The environment variable holding a named scheme's credential: {@code FALCON_HARNESS_<SCHEME>_<WHAT>},
     * the scheme name upper-cased with every other character than a letter or digit as {@code _}
     * ({@code apiKeyAuth} and {@code API_KEY}: {@code FALCON_HARNESS_APIKEYAUTH_API_KEY}).
     */
    static String schemeVariable(String scheme, String what) {
        return "FALCON_HARNESS_" + scheme.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + what;
    }

    /**
     * The cached token source for Falcon client credentials ({@link TokenCache}), keyed by client ID,
     * the cloud or base URL as the user gave it, and the member CID.
     */
    static CachedTokenSource cachedTokens(Credentials credentials, ConnectionOptions c, Io io) {
        return cachedTokens(credentials, c, io, null);
    }

    /** @param verboseLog where {@code --verbose} logs the token request and cache use, or null */
    static CachedTokenSource cachedTokens(Credentials credentials, ConnectionOptions c, Io io, PrintWriter verboseLog) {
        String baseUrl = c.baseUrl != null ? c.baseUrl : c.cloud == null ? io.env("FALCON_BASE_URL") : null;
        String cloud = c.cloud != null ? c.cloud : io.env("FALCON_CLOUD");
        String where = baseUrl != null ? baseUrl.strip().replaceFirst("/+$", "")
                : cloud != null ? Cloud.parse(cloud).map(Cloud::regionName).map(name -> Cloud.allowsDiscovery(cloud) ? "auto" : name)
                        .orElse("auto") : "auto";
        return new CachedTokenSource(TokenCache.of(io), credentials.clientId().orElseThrow(), credentials.revealClientSecret(),
                credentials.memberCid().orElse(null), where, builder -> finish(builder, c, verboseLog), java.time.Clock.systemUTC())
                .log(verboseLog);
    }

    /** Falcon needs credentials; another API does when its manifest names a scheme other than none. */
    private static boolean needsCredentials(ManifestOptions manifests) {
        if (manifests.builtIn()) {
            return true;
        }
        Manifest manifest = manifests.load();
        AuthSpec auth = manifest.auth();
        boolean named = manifest.security().schemes().values().stream().anyMatch(s -> s.type() != AuthSpec.Type.NONE);
        return named || auth != null && auth.type() != AuthSpec.Type.NONE;
    }

    /** The failure for {@link Session.Auth#MISSING}, raised when a call is about to be sent. */
    static CommandFailure missingCredentials() {
        return CommandFailure.auth("No credentials: set FALCON_CLIENT_ID and FALCON_CLIENT_SECRET, or pass "
                + "--client-id with --client-secret-env NAME or --client-secret-file PATH (for another API's bearer token "
                + "or API key: FALCON_BEARER_TOKEN or FALCON_API_KEY; for a manifest with named schemes: "
                + "FALCON_HARNESS_<SCHEME>_API_KEY, _TOKEN, _USERNAME and _PASSWORD, or _CLIENT_ID and _CLIENT_SECRET). To try the command line without an account, add --sandbox.");
    }

    /** Sets the cloud or base URL from the options, else from the environment. */
    private static void where(ConnectionOptions c, Io io, HarnessBuilder builder) {
        if (c.cloud != null && c.baseUrl != null) {
            throw CommandFailure.usage("--cloud and --base-url both say where to send calls; give one of them");
        }
        String baseUrl = c.baseUrl != null ? c.baseUrl : c.cloud == null ? io.env("FALCON_BASE_URL") : null;
        String cloud = c.cloud != null ? c.cloud : io.env("FALCON_CLOUD");
        if (baseUrl != null) {
            checkBaseUrl(baseUrl, c.baseUrl != null ? "--base-url" : "FALCON_BASE_URL");
        }
        try {
            if (baseUrl != null) {
                builder.baseUrl(baseUrl);
            } else if (cloud != null) {
                builder.cloud(cloud);
            }
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }

    /**
     * Refuses a base URL the command line would otherwise try for minutes: without a scheme the harness
     * assumes https, and TLS to a plain-HTTP test server waits for an answer that never comes.
     */
    static void checkBaseUrl(String url, String source) {
        if (!url.strip().matches("(?i)^https?://.*")) {
            throw CommandFailure.usage(source + " \"" + url + "\" needs a scheme: write https://" + withoutScheme(url)
                    + " (or http://" + withoutScheme(url) + " for a plain-HTTP test server)");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw CommandFailure.usage(source + " \"" + url + "\" is not a URL (" + e.getReason() + "); write it as https://HOST[:PORT]");
        }
        if (uri.getHost() == null || uri.getPort() > 65535 || uri.getPort() == 0) {
            throw CommandFailure.usage(source + " \"" + url + "\": the host or port is not valid (a port is 1 to 65535)");
        }
    }

    private static String withoutScheme(String url) {
        String rest = url.strip().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
        return rest.startsWith("//") ? rest.substring(2) : rest;
    }

    /**
     * Applies {@code --timeout}, {@code --retries}, {@code --ca-cert}, {@code --proxy}, {@code --body-check} and, for
     * {@code --verbose}, the logging listener.
     */
    static void finish(HarnessBuilder builder, ConnectionOptions c, PrintWriter verboseLog) {
        if (c.timeoutSeconds != null) {
            if (c.timeoutSeconds <= 0) {
                throw CommandFailure.usage("--timeout must be a positive number of seconds, got " + c.timeoutSeconds);
            }
            // The whole call, token request and retries included: a person who says two seconds means it.
            builder.callTimeout(Duration.ofSeconds(c.timeoutSeconds));
        }
        if (c.retries != null) {
            if (c.retries < 0) {
                throw CommandFailure.usage("--retries must be 0 or more, got " + c.retries);
            }
            builder.retryPolicy(RetryPolicy.DEFAULT.toBuilder().maxAttempts(c.retries + 1).build());
        }
        for (Path pem : c.caCertificates) {
            if (!Files.isReadable(pem)) {
                throw CommandFailure.usage("--ca-cert " + pem + ": cannot read the file");
            }
            builder.trustCertificates(pem);
        }
        if (c.proxy != null) {
            builder.proxy(ProxySelector.of(proxyAddress(c.proxy)));
        }
        if (verboseLog != null) {
            builder.listener(new VerboseListener(verboseLog));
        }
        if (c.pacing) {
            builder.pacing(true);
        }
        if (c.bodyValidation != null) {
            builder.bodyValidation(c.bodyValidation);
        }
    }

    /** {@code host:port}, with or without an {@code http://} in front. */
    private static InetSocketAddress proxyAddress(String text) {
        String hostPort = text.strip().replaceFirst("^https?://", "").replaceFirst("/+$", "");
        int colon = hostPort.lastIndexOf(':');
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (colon <= 0 || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw CommandFailure.usage("--proxy expects HOST:PORT, got \"" + text + "\"");
        }
    }

    /**
     * Client credentials from the options or the environment, or null when no client ID is given
     * anywhere. The secret is read from a file, a named variable, or {@code FALCON_CLIENT_SECRET}.
     */
    static Credentials credentials(ConnectionOptions c, Io io) {
        if (c.clientSecretEnv != null && c.clientSecretFile != null) {
            throw CommandFailure.usage("--client-secret-env and --client-secret-file both name the secret; give one");
        }
        String id = c.clientId != null ? c.clientId.strip() : io.env("FALCON_CLIENT_ID");
        if (id == null || id.isEmpty()) {
            if (c.clientSecretEnv != null || c.clientSecretFile != null) {
                throw CommandFailure.auth("A client secret was given but no client ID: add --client-id or set FALCON_CLIENT_ID");
            }
            // Other APIs' schemes (a manifest's "bearer" or "apiKey" auth) read their credential from here.
            String token = io.env("FALCON_BEARER_TOKEN");
            String key = io.env("FALCON_API_KEY");
            return token != null ? Credentials.bearerToken(token) : key != null ? Credentials.apiKey(key) : null;
        }
        Credentials credentials = Credentials.of(id, secret(c, io));
        String member = c.memberCid != null ? c.memberCid : io.env("FALCON_MEMBER_CID");
        return member == null || member.isBlank() ? credentials : credentials.withMemberCid(member);
    }

    private static String secret(ConnectionOptions c, Io io) {
        if (c.clientSecretFile != null) {
            return secretFromFile(c);
        }
        String variable = c.clientSecretEnv != null ? c.clientSecretEnv : "FALCON_CLIENT_SECRET";
        String secret = io.env(variable);
        if (secret == null) {
            throw CommandFailure.auth("No client secret: the environment variable " + variable + " is not set"
                    + (c.clientSecretEnv == null ? " (or pass --client-secret-env NAME or --client-secret-file PATH)" : ""));
        }
        return secret;
    }

    private static String secretFromFile(ConnectionOptions c) {
        try {
            String text = Files.readString(c.clientSecretFile).strip();
            int newline = text.indexOf('\n');
            String secret = (newline < 0 ? text : text.substring(0, newline)).strip();
            if (secret.isEmpty()) {
                throw CommandFailure.auth("No client secret: " + c.clientSecretFile + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw CommandFailure.auth("No client secret: cannot read " + c.clientSecretFile + " (" + Wording.io(e) + ")");
        }
    }
}
