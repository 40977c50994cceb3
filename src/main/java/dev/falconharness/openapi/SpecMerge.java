package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the newer reference ({@link FalconSpec}) changes in an operation of the table, and the table
 * form of an operation only the newer reference has. The table stays the authority on ids, constraints
 * and descriptions (goFalcon's client code has no enums or ranges); from the newer file come: request
 * and response schemas, the optional user headers {@code X-CS-USERUUID} / {@code X-CS-USERNAME}, a
 * parameter's changed shape (type, item type, collection format: an id that became a csv array, items that
 * are integers), and a body description where the table has none. Everything here works on the table's
 * input form (Swagger 2.0 parameter objects), so the converter's one set of rules writes both. Stateless.
 */
final class SpecMerge {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> USER_HEADERS = Set.of("x-cs-useruuid", "x-cs-username");
    /** Statuses in numeric order; goFalcon's catch-all {@code default} last. */
    private static final Comparator<String> STATUS_ORDER = Comparator
            .comparing((String code) -> code.equals("default"))
            .thenComparing(code -> code.chars().allMatch(Character::isDigit) ? Integer.parseInt(code) : 0)
            .thenComparing(Comparator.naturalOrder());

    private SpecMerge() {
    }

    /**
     * The table's parameters with the newer file's changes, then the user headers only the newer file
     * declares. Without {@code specOp} (an unpublished operation) the table's parameters as they are.
     */
    static List<JsonNode> parameters(JsonNode tableParameters, JsonNode specOp) {
        List<JsonNode> result = new ArrayList<>();
        Map<String, JsonNode> spec = specOp == null ? Map.of() : byNameAndLocation(specOp);
        Set<String> names = new HashSet<>();
        for (JsonNode p : tableParameters) {
            names.add(p.path("name").asText().toLowerCase(Locale.ROOT));
            JsonNode newer = spec.get(key(p.path("name").asText(), p.path("in").asText()));
            result.add(newer == null ? p : merged(p, newer));
        }
        if (specOp != null) {
            for (JsonNode p : specOp.path("parameters")) {
                String name = p.path("name").asText().toLowerCase(Locale.ROOT);
                if ("header".equals(p.path("in").asText()) && USER_HEADERS.contains(name) && !names.contains(name)) {
                    result.add(tableForm(p));
                }
            }
        }
        return result;
    }

    /** The body's schema in the newer file, or null when it declares no body. */
    static JsonNode bodySchema(JsonNode specOp) {
        JsonNode schema = specOp == null ? null : specOp.path("body").get("schema");
        return schema == null || schema.isNull() ? null : schema;
    }

    /** {@code {type: string, format: binary}}: raw bytes, not JSON. */
    static boolean isRawBytes(JsonNode schema) {
        return schema != null && "string".equals(schema.path("type").asText())
                && "binary".equals(schema.path("format").asText());
    }

    /** Status code to {@code {description, schema}}, schema left out where the response declares none. */
    static ObjectNode responses(JsonNode specOp) {
        List<String> codes = new ArrayList<>();
        specOp.path("responses").fieldNames().forEachRemaining(codes::add);
        codes.sort(STATUS_ORDER);
        ObjectNode out = NODES.objectNode();
        for (String code : codes) {
            ObjectNode response = out.putObject(code);
            String description = specOp.path("response_descriptions").path(code).asText("").strip();
            if (!description.isEmpty()) {
                response.put("description", description);
            }
            JsonNode schema = specOp.path("responses").get(code);
            if (schema != null && !schema.isNull()) {
                response.set("schema", schema.deepCopy());
            }
        }
        return out;
    }

    /** The operations only the schemas file has, as table rows with the table's spelling of ids. */
    static List<JsonNode> addedOperations(JsonNode tableOperations, FalconSpec spec) {
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode op : tableOperations) {
            keys.add(FalconSpec.matchKey(op.path("method").asText(), op.path("path").asText()));
            ids.add(op.path("operationId").asText(""));
        }
        List<Map.Entry<String, JsonNode>> unmatched = spec.unmatched(keys);
        Map<String, String> newIds = AddedOperationIds.assign(unmatched.stream().map(Map.Entry::getKey).toList(), ids);
        Map<String, String> aliases = collectionAliases(tableOperations, spec);
        List<JsonNode> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : unmatched) {
            String pkg = entry.getValue().path("collection").asText("");
            rows.add(tableOperation(newIds.get(entry.getKey()), aliases.getOrDefault(pkg, pkg),
                    entry.getValue()));
        }
        return rows;
    }

    /** An operation only the newer file has, as a table row: no description (goFalcon keeps none). */
    static ObjectNode tableOperation(String id, String collection, JsonNode specOp) {
        ObjectNode op = NODES.objectNode();
        op.put("operationId", id);
        op.put("method", specOp.path("method").asText());
        op.put("path", specOp.path("path").asText());
        op.put("collection", collection);
        ArrayNode parameters = op.putArray("parameters");
        specOp.path("parameters").forEach(p -> parameters.add(tableForm(p)));
        JsonNode body = specOp.get("body");
        if (body != null && body.isObject()) {
            ObjectNode b = parameters.addObject();
            b.put("name", body.path("name").asText("body"));
            b.put("in", "body");
            // go-swagger does not record whether a body is required; every body in the table is.
            b.put("required", !body.path("required").isBoolean() || body.path("required").asBoolean());
            copyText(body, b, "description");
        }
        specOp.path("formData").forEach(p -> parameters.add(tableForm(p)));
        return op;
    }

    /**
     * goFalcon's package name, or the table's collection for the same operations when every operation of
     * that package found in the table (at least two) sits in one collection: the table files goFalcon's
     * {@code cases} under {@code case_management}, and a new case operation belongs with the others.
     */
    static Map<String, String> collectionAliases(JsonNode tableOperations, FalconSpec spec) {
        Map<String, Set<String>> seen = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode op : tableOperations) {
            JsonNode specOp = spec.operation(op.path("method").asText(), op.path("path").asText());
            if (specOp != null && op.hasNonNull("collection")) {
                String pkg = specOp.path("collection").asText();
                seen.computeIfAbsent(pkg, k -> new HashSet<>()).add(op.get("collection").asText());
                counts.merge(pkg, 1, Integer::sum);
            }
        }
        Map<String, String> aliases = new HashMap<>();
        seen.forEach((pkg, collections) -> {
            if (collections.size() == 1 && counts.get(pkg) >= 2) {
                aliases.put(pkg, collections.iterator().next());
            }
        });
        return aliases;
    }

    private static Map<String, JsonNode> byNameAndLocation(JsonNode specOp) {
        Map<String, JsonNode> byKey = new HashMap<>();
        specOp.path("parameters").forEach(p -> byKey.put(key(p.path("name").asText(), p.path("in").asText()), p));
        specOp.path("formData").forEach(p -> byKey.put(key(p.path("name").asText(), "formData"), p));
        JsonNode body = specOp.get("body");
        if (body != null && body.isObject()) {
            byKey.put(key(body.path("name").asText(), "body"), body);
        }
        return byKey;
    }

    private static String key(String name, String in) {
        return in + " " + name;
    }

    /** The table's parameter with the newer shape and, where the table has none, the newer description. */
    private static JsonNode merged(JsonNode table, JsonNode newer) {
        ObjectNode out = table.deepCopy();
        boolean body = "body".equals(table.path("in").asText());
        if (!body && changedShape(table, newer)) {
            out.put("type", newer.path("type").asText());
            out.remove(List.of("items", "collectionFormat"));
            if ("array".equals(newer.path("type").asText())) {
                out.set("items", NODES.objectNode().put("type", newer.path("items").path("type").asText()));
                out.put("collectionFormat", newer.path("collectionFormat").asText("csv"));
            }
            if (!table.path("type").equals(newer.path("type"))) {
                // "dashboard ID value" no longer describes a list of them; the newer text does.
                copyText(newer, out, "description");
            }
        }
        if (body && table.path("description").asText("").isBlank()) {
            copyText(newer, out, "description");
        }
        return out;
    }

    private static boolean changedShape(JsonNode table, JsonNode newer) {
        if (!table.hasNonNull("type") || !newer.hasNonNull("type")) {
            return false;
        }
        if (!table.get("type").equals(newer.get("type"))) {
            return true;
        }
        return "array".equals(newer.get("type").asText())
                && (!table.path("items").path("type").equals(newer.path("items").path("type"))
                || !table.path("collectionFormat").asText("csv").equals(newer.path("collectionFormat").asText("csv")));
    }

    /**
     * A goFalcon parameter as a table parameter. Left behind: {@code go_field}, {@code required_source},
     * {@code allowEmptyValue}, and integer formats (go-swagger's Go type, not the spec's word).
     */
    private static ObjectNode tableForm(JsonNode p) {
        ObjectNode out = NODES.objectNode();
        out.put("name", p.path("name").asText());
        out.put("in", p.path("in").asText());
        String type = p.path("type").asText("");
        if (!type.isEmpty()) {
            out.put("type", type);
        }
        if ("string".equals(type)) {
            copyText(p, out, "format");
        }
        if ("array".equals(type)) {
            out.set("items", NODES.objectNode().put("type", p.path("items").path("type").asText()));
            out.put("collectionFormat", p.path("collectionFormat").asText("csv"));
        }
        if (p.path("required").asBoolean(false)) {
            out.put("required", true);
        }
        if (p.hasNonNull("default")) {
            out.set("default", p.get("default").deepCopy());
        }
        copyText(p, out, "description");
        return out;
    }

    private static void copyText(JsonNode from, ObjectNode to, String key) {
        String text = from.path(key).asText("").strip();
        if (!text.isEmpty()) {
            to.put(key, text);
        }
    }
}
