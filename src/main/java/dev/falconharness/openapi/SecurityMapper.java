package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Maps a spec's security schemes to the manifest's {@code auth} block. The scheme the document's
 * top-level {@code security} names first wins; without one, the first scheme the manifest can express.
 * Mapped: HTTP bearer, HTTP basic (and Swagger {@code basic}), API keys in a header or the query, and
 * OAuth2 client credentials (Swagger's {@code application} flow) with their token URL and scopes. Others
 * (cookie keys, OAuth2 code or implicit flows, OpenID Connect) are named in a warning.
 */
final class SecurityMapper {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Warnings warnings;

    SecurityMapper(Warnings warnings) {
        this.warnings = warnings;
    }

    /** The {@code auth} block, or null when the spec declares no scheme the manifest can express. */
    ObjectNode map(JsonNode spec, SpecVersion version) {
        String at = version.isOpenApi3() ? "/components/securitySchemes" : "/securityDefinitions";
        JsonNode schemes = version.isOpenApi3() ? spec.path("components").path("securitySchemes") : spec.path("securityDefinitions");
        if (!schemes.isObject() || schemes.isEmpty()) {
            return null;
        }
        List<String> order = preferred(spec, schemes);
        for (String name : order) {
            ObjectNode auth = scheme(schemes.get(name));
            if (auth != null) {
                if (order.size() > 1) {
                    warnings.warn(at, "the manifest holds one authentication scheme; using \"" + name + "\" of "
                            + String.join(", ", order));
                }
                return auth;
            }
        }
        warnings.warn(at, "no security scheme the manifest can express (bearer, basic, apiKey in a header or the query, "
                + "OAuth2 client credentials) among " + String.join(", ", order) + "; give the harness credentials and "
                + "Harness.builder().auth(...)");
        return null;
    }

    /** Scheme names, those the top-level security requirement names first. */
    private static List<String> preferred(JsonNode spec, JsonNode schemes) {
        List<String> names = new ArrayList<>();
        for (JsonNode requirement : spec.path("security")) {
            requirement.fieldNames().forEachRemaining(name -> {
                if (schemes.has(name) && !names.contains(name)) {
                    names.add(name);
                }
            });
        }
        for (Iterator<String> it = schemes.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static ObjectNode scheme(JsonNode scheme) {
        String type = scheme.path("type").asText("").toLowerCase(Locale.ROOT);
        String httpScheme = scheme.path("scheme").asText("").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "http" -> httpScheme.equals("bearer") ? auth("bearer") : httpScheme.equals("basic") ? auth("basic") : null;
            case "basic" -> auth("basic");
            case "apikey" -> apiKey(scheme);
            case "oauth2" -> clientCredentials(scheme);
            default -> null;
        };
    }

    private static ObjectNode apiKey(JsonNode scheme) {
        String in = scheme.path("in").asText("");
        String name = scheme.path("name").asText("");
        if (!(in.equals("header") || in.equals("query")) || name.isBlank()) {
            return null;
        }
        ObjectNode auth = auth("apiKey");
        auth.put("in", in);
        auth.put("name", name);
        return auth;
    }

    /** OpenAPI 3 {@code flows.clientCredentials}, or Swagger 2's {@code flow: application}. */
    private static ObjectNode clientCredentials(JsonNode scheme) {
        JsonNode flow = scheme.path("flows").path("clientCredentials");
        if (flow.isMissingNode() && scheme.path("flow").asText("").equals("application")) {
            flow = scheme;
        }
        String tokenUrl = flow.path("tokenUrl").asText("");
        if (tokenUrl.isBlank()) {
            return null;
        }
        ObjectNode auth = auth("oauth2ClientCredentials");
        auth.put("tokenUrl", tokenUrl);
        List<String> scopes = new ArrayList<>();
        flow.path("scopes").fieldNames().forEachRemaining(scopes::add);
        if (!scopes.isEmpty()) {
            auth.put("scope", String.join(" ", scopes));
        }
        return auth;
    }

    private static ObjectNode auth(String type) {
        ObjectNode auth = NODES.objectNode();
        auth.put("type", type);
        return auth;
    }
}
