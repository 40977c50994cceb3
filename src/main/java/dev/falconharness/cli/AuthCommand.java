package dev.falconharness.cli;

import dev.falconharness.ApiResponse;
import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.HarnessBuilder;
import dev.falconharness.manifest.AuthSpec;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code falcon auth login|status|logout}: the token cache ({@link TokenCache}) seen and managed by
 * hand. {@code login} fetches and caches a token now; {@code status} lists the cached tokens (client,
 * place, expiry; never the token); {@code logout} revokes this client's token and forgets it
 * ({@code --all}: forgets every cached token).
 */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = {"Manage the token cache that lets single calls share one token.",
            "Tokens live in $XDG_CACHE_HOME/falcon-harness/tokens (default ~/.cache), mode 0600;",
            "the secret is never stored. --no-token-cache or FALCON_NO_TOKEN_CACHE=1 turns it off."},
        subcommands = {AuthCommand.Login.class, AuthCommand.Status.class, AuthCommand.Logout.class})
final class AuthCommand implements Callable<Integer> {
    @ParentCommand
    FalconCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The cached source for the client the options and environment name. */
    static CachedTokenSource source(ConnectionOptions options, Io io) {
        ConnectionOptions c = ConnectionOptions.orDefault(options);
        if (c.sandbox) {
            throw CommandFailure.usage("--sandbox needs no login: its token lives as long as the sandbox");
        }
        Io applied = Profiles.apply(io, c.profile);
        Credentials credentials = Connector.credentials(c, applied);
        if (credentials == null || !credentials.isClientCredentials()) {
            throw Connector.missingCredentials();
        }
        return Connector.cachedTokens(credentials, c, applied);
    }

    /** {@code falcon auth login}. */
    @Command(name = "login", mixinStandardHelpOptions = true,
            description = "Request a token now and cache it (exit 4 when the credentials are refused).")
    static final class Login implements Callable<Integer> {
        @ParentCommand
        AuthCommand auth;

        @Spec
        CommandSpec spec;

        @ArgGroup(validate = false, heading = "%nConnection:%n")
        ConnectionOptions connection;

        @Override
        public Integer call() {
            CachedTokenSource source = source(connection, auth.parent.io());
            boolean cached = source.cached();
            Instant expires = source.token().expiresAt();
            spec.commandLine().getErr().println((cached ? "Already logged in" : "Logged in") + " at " + source.baseUrl()
                    + "; the token is cached until " + expires);
            return ExitCodes.OK;
        }
    }

    /** {@code falcon auth status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "List the cached tokens: client, base URL, expiry (never the token itself).")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        AuthCommand auth;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TokenCache cache = TokenCache.of(auth.parent.io());
            PrintWriter out = spec.commandLine().getOut();
            Instant now = Instant.now();
            int shown = 0;
            for (String key : cache.keys()) {
                TokenCache.Entry entry = cache.read(key);
                if (entry != null) {
                    out.println(entry + (entry.usableAt(now) ? "" : " (expired)"));
                    shown++;
                }
            }
            out.flush();
            spec.commandLine().getErr().println(shown == 0 ? "No cached tokens in " + cache.directory()
                    : shown + (shown == 1 ? " cached token" : " cached tokens") + " in " + cache.directory());
            return ExitCodes.OK;
        }
    }

    /** {@code falcon auth logout [--all]}. */
    @Command(name = "logout", mixinStandardHelpOptions = true,
            description = "Revoke this client's cached token and forget it; --all forgets every cached token.")
    static final class Logout implements Callable<Integer> {
        @ParentCommand
        AuthCommand auth;

        @Spec
        CommandSpec spec;

        @Option(names = "--all", description = "Forget every cached token (only this client's is revoked).")
        boolean all;

        @ArgGroup(validate = false, heading = "%nConnection:%n")
        ConnectionOptions connection;

        @Override
        public Integer call() {
            Io io = auth.parent.io();
            TokenCache cache = TokenCache.of(io);
            PrintWriter err = spec.commandLine().getErr();
            if (all) {
                int forgotten = 0;
                for (String key : cache.keys()) {
                    forgotten += cache.delete(key) ? 1 : 0;
                }
                err.println("Forgot " + forgotten + (forgotten == 1 ? " cached token" : " cached tokens"));
                return ExitCodes.OK;
            }
            CachedTokenSource source = source(connection, io);
            TokenCache.Entry entry = cache.read(source.key());
            if (entry == null) {
                err.println("No cached token for this client");
                return ExitCodes.OK;
            }
            ConnectionOptions c = ConnectionOptions.orDefault(connection);
            boolean revoked = revoke(entry, Connector.credentials(c, Profiles.apply(io, c.profile)));
            cache.delete(source.key());
            err.println("Logged out: the token was " + (revoked ? "revoked" : "forgotten (the revoke request failed; "
                    + "it expires by itself at " + entry.expiresAt() + ")"));
            return ExitCodes.OK;
        }

        private boolean revoke(TokenCache.Entry entry, Credentials credentials) {
            HarnessBuilder builder = Harness.builder().baseUrl(entry.baseUrl()).auth(AuthSpec.basic())
                    .credentials(Credentials.basic(entry.clientId(), credentials.revealClientSecret()));
            Connector.finish(builder, ConnectionOptions.orDefault(connection), null);
            try (Harness harness = builder.build()) {
                ApiResponse response = harness.command("oauth2RevokeToken", Map.of("token", entry.token(), "client_id", entry.clientId()));
                return response.isSuccessful();
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
