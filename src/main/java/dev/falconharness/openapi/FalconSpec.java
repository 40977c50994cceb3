package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The newer Falcon reference, {@code falcon-schemas.json} (goFalcon's generated client and models): its
 * operations found by method and path, and its definitions. The two references name operations
 * differently (403 ids differ only in spelling, 99 were renamed), so the only reliable link between
 * them is the request line, compared with placeholder names ignored ({@code {vertex_type}} and
 * {@code {vertex-type}} are the same segment). Immutable once built.
 */
final class FalconSpec {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    private final JsonNode about;
    private final JsonNode definitions;
    /** Match key to goFalcon's operation key, in file order. */
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, JsonNode> operations = new HashMap<>();

    private FalconSpec(JsonNode document) {
        this.about = document.path("about");
        this.definitions = document.get("definitions");
        for (Iterator<Map.Entry<String, JsonNode>> it = document.get("operations").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode op = entry.getValue();
            String method = op.path("method").asText("");
            String path = op.path("path").asText("");
            if (method.isBlank() || path.isBlank()) {
                throw new IllegalArgumentException("schemas operation " + entry.getKey() + ": missing method or path");
            }
            String key = matchKey(method, path);
            String earlier = keys.putIfAbsent(key, entry.getKey());
            if (earlier != null) {
                throw new IllegalArgumentException("schemas operations " + earlier + " and " + entry.getKey()
                        + " are both " + key + "; the table's operations could not be matched to one of them");
            }
            operations.put(key, op);
        }
    }

    /** Reads {@code document}, which must have an {@code operations} object and a {@code definitions} object. */
    static FalconSpec of(JsonNode document) {
        for (String field : List.of("operations", "definitions")) {
            if (!document.path(field).isObject()) {
                throw new IllegalArgumentException("the schemas document has no \"" + field + "\" object; expected "
                        + "falcon-schemas.json ({\"about\": ..., \"definitions\": {...}, \"operations\": {...}})");
            }
        }
        return new FalconSpec(document);
    }

    /** {@code "GET /threatgraph/entities/{}/v1"}: upper-case method, placeholders emptied. */
    static String matchKey(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + PLACEHOLDER.matcher(path).replaceAll("{}");
    }

    /** The operation with this request line, or null when the newer reference no longer has it. */
    JsonNode operation(String method, String path) {
        return operations.get(matchKey(method, path));
    }

    /** goFalcon's key and the operation, for each operation whose request line is not in {@code tableKeys}. */
    List<Map.Entry<String, JsonNode>> unmatched(Set<String> tableKeys) {
        List<Map.Entry<String, JsonNode>> result = new ArrayList<>();
        keys.forEach((key, goId) -> {
            if (!tableKeys.contains(key)) {
                result.add(Map.entry(goId, operations.get(key)));
            }
        });
        return result;
    }

    JsonNode definitions() {
        return definitions;
    }

    /** "goFalcon's ... (https://github.com/CrowdStrike/gofalcon ...), commit 14348e46b344, 2026-07-22", or "". */
    String provenance() {
        String source = about.path("source").asText("").strip();
        String[] commit = about.path("gofalcon_commit").asText("").strip().split("\\s+");
        if (commit.length >= 2) {
            String hash = commit[0].substring(0, Math.min(12, commit[0].length()));
            source += (source.isEmpty() ? "" : ", ") + "commit " + hash + ", " + commit[1];
        }
        return source;
    }
}
