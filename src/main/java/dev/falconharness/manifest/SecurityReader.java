package dev.falconharness.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks format 2 {@code securitySchemes} and {@code security} (top level and per operation). */
final class SecurityReader {
    private SecurityReader() {
    }

    /** The top-level schemes and default requirement; {@link Security#NONE} when the manifest names no scheme. */
    static Security read(ManifestLoader.Reader reader, JsonNode root) {
        JsonNode schemes = root.get("securitySchemes");
        JsonNode security = root.get("security");
        if (schemes == null && security == null) {
            return Security.NONE;
        }
        Map<String, AuthSpec> named = new LinkedHashMap<>();
        if (schemes != null) {
            reader.requireV2(null, "/securitySchemes");
            if (!schemes.isObject() || schemes.isEmpty()) {
                reader.problem(null, "/securitySchemes", "must be an object of named schemes, such as "
                        + "{\"apiKey\": {\"type\": \"apiKey\", \"in\": \"header\", \"name\": \"X-API-Key\"}}");
            } else {
                schemes.fields().forEachRemaining(e -> {
                    AuthSpec spec = new AuthSpecReader(reader).read(e.getValue(), "/securitySchemes/" + escape(e.getKey()));
                    if (spec != null) {
                        named.put(e.getKey(), spec);
                    }
                });
            }
        }
        if (security != null) {
            reader.requireV2(null, "/security");
            if (schemes == null) {
                reader.problem(null, "/security", "names schemes, but the manifest has no \"securitySchemes\" to define them");
            }
        }
        if (root.has("auth") && schemes != null) {
            reader.problem(null, "/auth", "a manifest has either one \"auth\" block or named \"securitySchemes\"; "
                    + "move the auth block into securitySchemes under a name");
        }
        List<Set<String>> requirement = security == null ? null
                : requirement(reader, null, security, "/security", schemes == null ? Set.of() : fieldNames(schemes));
        return new Security(named, requirement);
    }

    /**
     * A requirement: a list of alternatives, each a list of scheme names ({@code [["apiKey"], ["oauth"]]});
     * {@code []} for none. Names are checked when {@code known} is given.
     */
    static List<Set<String>> requirement(ManifestLoader.Reader reader, String operationId, JsonNode node, String at,
            Set<String> known) {
        List<Set<String>> alternatives = new ArrayList<>();
        if (!node.isArray()) {
            reader.problem(operationId, at, "must be a list of alternatives, each a list of scheme names, such as "
                    + "[[\"apiKey\"], [\"oauth\"]]; [] for no credentials");
            return alternatives;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode alternative = node.get(i);
            Set<String> names = new LinkedHashSet<>();
            if (!alternative.isArray()) {
                reader.problem(operationId, at + "/" + i, "must be a list of scheme names applied together, such as [\"apiKey\"]");
                continue;
            }
            for (int j = 0; j < alternative.size(); j++) {
                String name = alternative.get(j).asText("");
                if (!alternative.get(j).isTextual() || (known != null && !known.contains(name))) {
                    List<String> close = known == null ? List.of() : Suggestions.closest(name, known, 1);
                    reader.problem(operationId, at + "/" + i + "/" + j, "names no scheme of \"securitySchemes\": "
                            + alternative.get(j) + (close.isEmpty() ? "" : "; did you mean \"" + close.get(0) + "\"?"));
                } else {
                    names.add(name);
                }
            }
            alternatives.add(names);
        }
        return alternatives;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
