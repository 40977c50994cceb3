package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of JSON Schema 2020-12 that manifest version 2 carries, checked on the way out: a schema
 * using any other keyword, or a {@code $ref} that does not name a definition, fails the conversion
 * instead of becoming a manifest the loader refuses (or, worse, a check that silently does less).
 * Also finds the definitions an operation can reach, so the manifest ships only those. Stateless.
 */
final class SchemaSubset {
    static final String REF_PREFIX = "#/definitions/";

    /** The agreed keywords; {@code x-} extensions are allowed besides. */
    static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "items", "enum", "const",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern",
            "format", "minItems", "maxItems", "uniqueItems", "additionalProperties", "$ref", "allOf", "oneOf",
            "anyOf", "nullable", "description", "title", "default", "examples", "example", "readOnly",
            "writeOnly", "deprecated");
    private static final List<String> SCHEMA_LISTS = List.of("allOf", "oneOf", "anyOf");

    private SchemaSubset() {
    }

    /**
     * Checks {@code schema} (found at {@code pointer}) and every schema inside it, and adds the definition
     * name of each {@code $ref} to {@code refs}, with the pointer of its first use.
     */
    static void check(JsonNode schema, String pointer, Map<String, String> refs) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException(pointer + ": a schema must be a JSON object, not " + schema.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            String at = Pointers.child(pointer, keyword);
            if (!keyword.startsWith("x-") && !KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException(at + ": schema keyword \"" + keyword
                        + "\" is outside the subset manifest version 2 carries");
            }
            switch (keyword) {
                case "$ref" -> refs.putIfAbsent(definitionName(value, at), at);
                case "properties" -> value.fields().forEachRemaining(
                        p -> check(p.getValue(), Pointers.child(at, p.getKey()), refs));
                case "items" -> check(value, at, refs);
                case "additionalProperties" -> {
                    if (!value.isBoolean()) {
                        check(value, at, refs);
                    }
                }
                default -> {
                    if (SCHEMA_LISTS.contains(keyword)) {
                        for (int i = 0; i < value.size(); i++) {
                            check(value.get(i), Pointers.child(at, i), refs);
                        }
                    }
                }
            }
        }
    }

    /** Every definition some operation's schema reaches, each checked, and every operation schema checked. */
    static ObjectNode definitions(JsonNode operations, JsonNode definitions) {
        return withoutEndlessRequirements(reachable(definitions, referencedBy(operations), JsonNodeFactory.instance.objectNode()));
    }

    /**
     * The definitions the operations' schemas name directly (name to the pointer of the first use), every
     * operation schema checked.
     */
    static Map<String, String> referencedBy(JsonNode operations) {
        Map<String, String> refs = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            String at = "/operations/" + i;
            JsonNode parameters = operations.get(i).get("parameters");
            for (int j = 0; j < parameters.size(); j++) {
                if (parameters.get(j).has("schema")) {
                    check(parameters.get(j).get("schema"), at + "/parameters/" + j + "/schema", refs);
                }
            }
            operations.get(i).path("responses").fields().forEachRemaining(r -> {
                if (r.getValue().has("schema")) {
                    check(r.getValue().get("schema"),
                            Pointers.child(at + "/responses", r.getKey()) + "/schema", refs);
                }
            });
        }
        return refs;
    }

    /**
     * Drops a required property that refers back, through required properties only, to its own definition
     * (goFalcon's {@code v2.Model} requires a {@code parent} that is itself a {@code v2.Model}): no finite
     * body could satisfy it, so checking it would refuse every real body. Only loosens; deterministic.
     */
    static ObjectNode withoutEndlessRequirements(ObjectNode definitions) {
        definitions.fields().forEachRemaining(entry -> {
            JsonNode required = entry.getValue().get("required");
            if (required == null || !required.isArray()) {
                return;
            }
            com.fasterxml.jackson.databind.node.ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (JsonNode name : required) {
                String target = requiredRef(entry.getValue(), name.asText());
                if (target == null || !leadsBack(definitions, target, entry.getKey(), new HashSet<>())) {
                    kept.add(name);
                }
            }
            if (kept.size() != required.size()) {
                ((ObjectNode) entry.getValue()).set("required", kept);
            }
        });
        return definitions;
    }

    /** The definition a required property refers to directly, or null. */
    private static String requiredRef(JsonNode definition, String property) {
        JsonNode ref = definition.path("properties").path(property).get("$ref");
        return ref == null ? null : definitionName(ref, "/definitions");
    }

    private static boolean leadsBack(ObjectNode definitions, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from) || !definitions.has(from)) {
            return false;
        }
        for (JsonNode name : definitions.get(from).path("required")) {
            String next = requiredRef(definitions.get(from), name.asText());
            if (next != null && leadsBack(definitions, next, to, seen)) {
                return true;
            }
        }
        return false;
    }

    /** {@code #/definitions/map%5Bstring%5D...} to {@code map[string]...}; anything else fails. */
    static String definitionName(JsonNode ref, String pointer) {
        String text = ref.asText("");
        if (!ref.isTextual() || !text.startsWith(REF_PREFIX) || text.length() == REF_PREFIX.length()) {
            throw new IllegalArgumentException(pointer + ": $ref " + ref + " does not point into #/definitions/");
        }
        // URLDecoder would read '+' as a space; a fragment has no such rule.
        return URLDecoder.decode(text.substring(REF_PREFIX.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Copies into {@code into} the definitions reachable from {@code roots} (name to the pointer of the
     * {@code $ref}) in {@code definitions}' order, each checked. A name without a definition fails, naming
     * where it was referred to from.
     */
    static ObjectNode reachable(JsonNode definitions, Map<String, String> roots, ObjectNode into) {
        Set<String> seen = new HashSet<>();
        Deque<Map.Entry<String, String>> pending = new ArrayDeque<>(roots.entrySet());
        while (!pending.isEmpty()) {
            Map.Entry<String, String> ref = pending.pop();
            if (!seen.add(ref.getKey())) {
                continue;
            }
            JsonNode definition = definitions.get(ref.getKey());
            if (definition == null) {
                throw new IllegalArgumentException(ref.getValue() + ": $ref to a definition that does not exist: "
                        + ref.getKey());
            }
            Map<String, String> refs = new LinkedHashMap<>();
            check(definition, Pointers.child("/definitions", ref.getKey()), refs);
            pending.addAll(refs.entrySet());
        }
        definitions.fieldNames().forEachRemaining(name -> {
            if (seen.contains(name)) {
                into.set(name, definitions.get(name).deepCopy());
            }
        });
        return into;
    }
}
