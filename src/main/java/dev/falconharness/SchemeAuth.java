package dev.falconharness;

import dev.falconharness.engine.SecurityStage;
import dev.falconharness.auth.TokenSource;
import dev.falconharness.engine.Stage;
import dev.falconharness.manifest.AuthSpec;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Security;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Assembles the per-operation authentication of a manifest with named {@code securitySchemes}: which
 * credentials serve which scheme, and the {@link SecurityStage} that picks the schemes for each request.
 * Stateless.
 */
final class SchemeAuth {
    private SchemeAuth() {
    }

    /**
     * True when requests are signed per operation: the manifest names schemes and the builder neither
     * overrides the scheme ({@code auth(...)}) nor supplies its own token source. Credentials for named
     * schemes on a manifest without any are a mistake, reported here.
     */
    static boolean applies(Settings s, Manifest manifest) {
        boolean named = manifest.security().perOperation() && s.auth() == null && s.tokenSource() == null;
        if (!named && !s.schemeCredentials().isEmpty()) {
            throw new IllegalArgumentException("credentials were given for the schemes " + s.schemeCredentials().keySet()
                    + ", but the manifest \"" + manifest.name() + "\" names no securitySchemes"
                    + (s.auth() != null || s.tokenSource() != null ? " in use (auth(...) or tokenSource(...) replaces them)" : "")
                    + "; use credentials(Credentials) for its single scheme");
        }
        return named;
    }

    /**
     * The stage; {@code build} makes one scheme's stage from its spec and credentials, adding the token
     * source of a token scheme to {@code sources}.
     */
    static SecurityStage stage(Settings s, Manifest manifest, BiFunction<AuthSpec, Credentials, Stage> build,
            List<TokenSource> sources) {
        Map<String, TokenSource> tokensByScheme = new LinkedHashMap<>();
        Security security = manifest.security();
        for (String name : s.schemeCredentials().keySet()) {
            if (!security.schemes().containsKey(name)) {
                throw new IllegalArgumentException("credentials were given for scheme \"" + name + "\", which the manifest \""
                        + manifest.name() + "\" does not name; its schemes: " + String.join(", ", security.schemes().keySet()));
            }
        }
        Map<String, Stage> stages = new LinkedHashMap<>();
        security.schemes().forEach((name, spec) -> {
            if (spec.type() == AuthSpec.Type.NONE) {
                stages.put(name, chain -> chain.proceed(chain.request()));
                return;
            }
            Credentials credentials = s.schemeCredentials().get(name);
            if (credentials == null && s.credentials() != null && fits(spec.type(), s.credentials())) {
                credentials = s.credentials();
            }
            if (credentials != null) {
                int before = sources.size();
                stages.put(name, build.apply(spec, credentials));
                if (sources.size() > before) {
                    tokensByScheme.put(name, sources.get(sources.size() - 1));
                }
            }
        });
        return new SecurityStage(stages, id -> security.requirementOf(id == null ? null : manifest.operation(id)),
                tokensByScheme);
    }

    /** Whether unnamed credentials serve a scheme of {@code type}. */
    private static boolean fits(AuthSpec.Type type, Credentials credentials) {
        return switch (type) {
            case API_KEY -> credentials.isApiKey();
            case BEARER -> credentials.isBearerToken();
            case BASIC -> credentials.isClientCredentials();
            case OAUTH2_CLIENT_CREDENTIALS -> credentials.isClientCredentials() || credentials.isBearerToken();
            case NONE -> true;
        };
    }

    static void close(AutoCloseable stage) {
        try {
            stage.close();
        } catch (Exception e) {
            // SecurityStage.close() declares no checked exception; token sources report their own failures.
            throw new IllegalStateException(e);
        }
    }
}
