package dev.falconharness.cli;

import dev.falconharness.http.Redaction;
import dev.falconharness.manifest.AuthSpec;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The credentials a call would carry, as a dry run shows them: for a manifest with named schemes, those
 * of the first alternative of the operation's requirement the session has credentials for (none for
 * {@code security: []}); otherwise the manifest's single scheme when the session has credentials. Each
 * names the header or query parameter it goes in, its masked value, the environment variable curl reads
 * it from, and a hint where one helps (how to get a token). Stateless.
 */
final class DryRunCredentials {
    /**
     * @param header    the header it goes in, or null
     * @param query     the query parameter it goes in, or null
     * @param shown     the masked header value
     * @param curlValue the header value in the curl command, naming an environment variable
     * @param hint      a comment line for the curl command, or null
     */
    record Added(String header, String query, String shown, String curlValue, String hint) {
    }

    private DryRunCredentials() {
    }

    static List<Added> of(Session session, Operation op) {
        Manifest manifest = session.harness().manifest();
        Security security = manifest.security();
        List<Added> added = new ArrayList<>();
        if (security.perOperation()) {
            for (Set<String> alternative : security.requirementOf(op)) {
                if (!alternative.isEmpty() && session.schemes().containsAll(alternative)) {
                    alternative.forEach(name -> added.add(added(name, security.schemes().get(name))));
                    return added;
                }
            }
            return added;
        }
        if (session.auth() == Session.Auth.NONE_NEEDED) {
            return added;
        }
        added.add(added(null, manifest.auth() != null ? manifest.auth() : AuthSpec.FALCON));
        return added;
    }

    /** One scheme's credential; {@code scheme} is null for a manifest's single {@code auth} block. */
    private static Added added(String scheme, AuthSpec spec) {
        String masked = Redaction.MASK;
        return switch (spec.type()) {
            case API_KEY -> spec.in() == Location.QUERY
                    ? new Added(null, spec.name(), null, null, "curl: put your API key ($" + variable(scheme, "API_KEY")
                            + ") in place of " + masked + " in the URL")
                    : new Added(spec.name(), null, masked, "$" + variable(scheme, "API_KEY"), null);
            case BASIC -> new Added("Authorization", null, "Basic " + masked, "Basic $" + variable(scheme, "BASIC"),
                    "curl needs the Basic value: export " + variable(scheme, "BASIC") + "=$(printf '%s:%s' \"$"
                            + variable(scheme, "USERNAME") + "\" \"$" + variable(scheme, "PASSWORD") + "\" | base64)");
            case BEARER -> new Added("Authorization", null, "Bearer " + masked, "Bearer $" + variable(scheme, "TOKEN"), null);
            case OAUTH2_CLIENT_CREDENTIALS -> new Added("Authorization", null, "Bearer " + masked,
                    "Bearer $" + (scheme == null ? "FALCON_TOKEN" : variable(scheme, "TOKEN")),
                    "curl needs a token: export " + (scheme == null ? "FALCON_TOKEN" : variable(scheme, "TOKEN")) + "=... (POST "
                            + spec.tokenUrl() + " with your client ID and secret)");
            case NONE -> new Added(null, null, null, null, null);
        };
    }

    /** The variable the CLI reads (a named scheme's, or the single scheme's), or a helper for curl. */
    private static String variable(String scheme, String what) {
        if (scheme != null) {
            return Connector.schemeVariable(scheme, what);
        }
        return switch (what) {
            case "API_KEY" -> "FALCON_API_KEY";
            case "TOKEN" -> "FALCON_BEARER_TOKEN";
            case "USERNAME" -> "FALCON_CLIENT_ID";
            case "PASSWORD" -> "FALCON_CLIENT_SECRET";
            default -> "FALCON_" + what;
        };
    }
}
