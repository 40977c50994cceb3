package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Maps a spec's security schemes and requirements to the manifest. Mapped schemes: HTTP bearer, HTTP
 * basic (and Swagger {@code basic}), API keys in a header or the query, and OAuth2 client credentials
 * (Swagger's {@code application} flow) with their token URL and scopes; others (cookie keys, OAuth2 code
 * or implicit flows, OpenID Connect) are named in a warning.
 *
 * <p>A spec with one mapped scheme and no operation stating its own {@code security} gets the single
 * {@code auth} block. Otherwise the manifest gets every mapped scheme under its spec name in
 * {@code securitySchemes}, the top-level requirement as {@code security}, and each operation's own
 * requirement ({@code security: []} included) as its {@code security}: alternatives as lists of scheme
 * names. An alternative naming a scheme that could not be mapped is dropped with a warning; an operation
 * left with no alternative gets {@code []} (no credentials) and a warning.
 */
final class SecurityMapper {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Warnings warnings;
    private ObjectNode auth;
    private ObjectNode schemes;
    private ArrayNode security;

    SecurityMapper(Warnings warnings) {
        this.warnings = warnings;
    }

    /** Reads the spec's schemes and top-level requirement; call before the other methods. */
    void map(JsonNode spec, SpecVersion version, List<OperationWalker.Source> operations) {
        String at = version.isOpenApi3() ? "/components/securitySchemes" : "/securityDefinitions";
        JsonNode declared = version.isOpenApi3() ? spec.path("components").path("securitySchemes") : spec.path("securityDefinitions");
        if (!declared.isObject() || declared.isEmpty()) {
            return;
        }
        ObjectNode mapped = NODES.objectNode();
        List<String> unmapped = new ArrayList<>();
        declared.fields().forEachRemaining(e -> {
            ObjectNode block = scheme(e.getValue());
            if (block != null) {
                mapped.set(e.getKey(), block);
            } else {
                unmapped.add(e.getKey());
            }
        });
        if (!unmapped.isEmpty()) {
            warnings.warn(at, "security schemes the manifest cannot express (it knows bearer, basic, apiKey in a header "
                    + "or the query, OAuth2 client credentials): " + String.join(", ", unmapped) + "; requests needing only "
                    + "them go without credentials (add the header yourself, or Harness.builder().auth(...))");
        }
        if (mapped.isEmpty()) {
            return;
        }
        boolean perOperation = operations.stream().anyMatch(op -> op.operation().has("security"));
        if (mapped.size() == 1 && !perOperation) {
            auth = (ObjectNode) mapped.elements().next();
            return;
        }
        schemes = mapped;
        if (spec.has("security")) {
            security = requirement(spec.get("security"), "/security");
        }
    }

    /** The single {@code auth} block, or null. */
    ObjectNode auth() {
        return auth;
    }

    /** The named schemes, or null when the manifest uses the single block (or has none). */
    ObjectNode schemes() {
        return schemes;
    }

    /** The default requirement, or null. */
    ArrayNode security() {
        return security;
    }

    /** The operation's own requirement, or null when it follows the manifest's. */
    ArrayNode operationSecurity(OperationWalker.Source op) {
        JsonNode own = op.operation().get("security");
        return schemes == null || own == null ? null : requirement(own, Pointers.child(op.pointer(), "security"));
    }

    /** OpenAPI's {@code [{"a": [], "b": []}, {"c": []}]} as {@code [["a", "b"], ["c"]]}, unmappable alternatives dropped. */
    private ArrayNode requirement(JsonNode declared, String at) {
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < declared.size(); i++) {
            JsonNode alternative = declared.get(i);
            ArrayNode names = NODES.arrayNode();
            List<String> missing = new ArrayList<>();
            alternative.fieldNames().forEachRemaining(name -> {
                if (schemes.has(name)) {
                    names.add(name);
                } else {
                    missing.add(name);
                }
            });
            if (missing.isEmpty()) {
                out.add(names);
            } else {
                warnings.warn(Pointers.child(at, i), "alternative needs " + String.join(", ", missing)
                        + ", which the manifest cannot express; dropped");
            }
        }
        if (out.isEmpty() && !declared.isEmpty()) {
            warnings.warn(at, "no alternative can be expressed; imported as [] (no credentials): send them yourself");
        }
        return out;
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
