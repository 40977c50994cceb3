package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives a parameter its manifest type, item type and constraints from a schema: an OpenAPI 3 schema
 * object, or a Swagger 2.0 non-body parameter, which carries the same keys itself. Not thread-safe
 * (reports through the run's {@link Warnings}).
 *
 * <p>Types: {@code type} as written; a 3.1 list such as {@code [string, "null"]} without its
 * {@code "null"}; without {@code type}, the JSON type of the {@code enum} or {@code const} values, array
 * for {@code items}, object for {@code properties}; an {@code allOf}, {@code oneOf} or {@code anyOf}
 * with one non-null branch is that branch (the outer keys win); anything else is a string, with a
 * warning. Objects cannot travel in a query, path, header or form field, so such parameters are skipped.
 */
final class SchemaMapper {
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "array", "object", "file");
    private static final List<String> COMPOSITES = List.of("allOf", "oneOf", "anyOf");
    // Enough for real specs' wrapper chains; stops a schema whose allOf names itself.
    private static final int MAX_FLATTEN = 8;

    private final Refs refs;
    private final Warnings warnings;
    private final Constraints constraints;

    SchemaMapper(Refs refs, Warnings warnings) {
        this.refs = refs;
        this.warnings = warnings;
        this.constraints = new Constraints(warnings);
    }

    /**
     * Fills in {@code p}'s type, items, format, default and constraints from {@code schema}.
     *
     * @param allowFile whether {@code type: file} is acceptable (Swagger 2.0 form data)
     * @return false when the parameter cannot be expressed and must be skipped (a warning says why)
     */
    boolean apply(ParamDraft p, JsonNode schema, String at, boolean allowFile) {
        Refs.Located s = flatten(schema, at);
        if (s == null) {
            return false;
        }
        String type = typeOf(s, "parameter \"" + p.name + "\"");
        if ("object".equals(type) || ("file".equals(type) && !allowFile)) {
            warnings.warn(s.pointer(), "parameter \"" + p.name + "\" is of type " + type + ", which a " + p.in
                    + " parameter cannot carry; skipped");
            return false;
        }
        p.type = type;
        if ("array".equals(type)) {
            applyItems(p, s);
        } else if (!"file".equals(type)) {
            constraints.apply(p, s, type);
            p.format = text(s.node(), "format");
        }
        JsonNode defaultValue = s.node().get("default");
        p.defaultValue = defaultValue == null || defaultValue.isNull() ? null : defaultValue;
        if (p.description == null) {
            p.description = text(s.node(), "description");
        }
        return true;
    }

    private void applyItems(ParamDraft p, Refs.Located array) {
        JsonNode node = array.node();
        p.maxItems = constraints.count(array, "maxItems");
        p.minItems = constraints.count(array, "minItems");
        p.uniqueItems = node.path("uniqueItems").asBoolean(false);
        JsonNode raw = node.get("items");
        Refs.Located items = raw == null ? null : flatten(raw, Pointers.child(array.pointer(), "items"));
        String type = items == null ? null : typeOf(items, "items of \"" + p.name + "\"");
        if (items == null || !isScalar(type)) {
            String what = raw == null ? "has no items; items imported as strings"
                    : items == null ? "has items whose schema cannot be read; items imported as strings"
                    : "has items of type " + type + "; a manifest array holds strings, numbers or booleans, so items "
                    + "are imported as strings";
            warnings.warn(Pointers.child(array.pointer(), "items"), "array parameter \"" + p.name + "\" " + what);
            p.items = "string";
            return;
        }
        p.items = type;
        constraints.apply(p, items, type);
    }

    /**
     * The schema {@code node} stands for once references are followed and single-branch compositions
     * are unwrapped; null (with a warning) when a reference cannot be followed.
     */
    Refs.Located flatten(JsonNode node, String at) {
        Refs.Located s = refs.resolve(node, at, "schema");
        for (int depth = 0; s != null && depth < MAX_FLATTEN; depth++) {
            Refs.Located merged = unwrapSingleBranch(s);
            if (merged == null) {
                return s;
            }
            s = merged;
        }
        return s;
    }

    private Refs.Located unwrapSingleBranch(Refs.Located s) {
        for (String key : COMPOSITES) {
            JsonNode branches = s.node().get(key);
            if (branches == null || !branches.isArray()) {
                continue;
            }
            Refs.Located only = null;
            int count = 0;
            for (int i = 0; i < branches.size(); i++) {
                Refs.Located branch = refs.resolve(branches.get(i), Pointers.child(Pointers.child(s.pointer(), key), i), "schema");
                if (branch != null && !isNullSchema(branch.node())) {
                    only = branch;
                    count++;
                }
            }
            return count == 1 ? new Refs.Located(overlay(only.node(), s.node(), key), s.pointer()) : null;
        }
        return null;
    }

    /** The branch with the outer schema's own keys (description, default, ...) laid over it. */
    private static ObjectNode overlay(JsonNode branch, JsonNode outer, String compositeKey) {
        ObjectNode merged = branch.isObject() ? ((ObjectNode) branch).deepCopy() : ((ObjectNode) outer).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = outer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals(compositeKey)) {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return merged;
    }

    private static boolean isNullSchema(JsonNode schema) {
        JsonNode type = schema.get("type");
        return type != null && "null".equals(type.asText()) && schema.size() <= 2;
    }

    /** The manifest type name for a (flattened) schema; warns and answers "string" when unclear. */
    String typeOf(Refs.Located s, String what) {
        JsonNode node = s.node();
        JsonNode type = node.get("type");
        String found = type == null ? inferType(node) : type.isArray() ? fromList(type) : type.asText();
        if (found != null && TYPES.contains(found)) {
            return found;
        }
        String why = type == null ? "has no type" : "has type " + type;
        Set<String> composite = compositeTypes(s);
        if (type == null && composite.size() == 1) {
            return composite.iterator().next();
        }
        if (!composite.isEmpty()) {
            why = "combines the types " + String.join(", ", composite);
        }
        warnings.warn(s.pointer(), what + " " + why + "; imported as string");
        return "string";
    }

    private static String inferType(JsonNode node) {
        JsonNode values = node.has("enum") ? node.get("enum") : node.get("const");
        if (values != null) {
            Iterable<JsonNode> all = values.isArray() ? values : List.of(values);
            for (JsonNode value : all) {
                if (!value.isNull()) {
                    return value.isTextual() ? "string" : value.isIntegralNumber() ? "integer"
                            : value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "object";
                }
            }
        }
        if (node.has("items")) {
            return "array";
        }
        return node.has("properties") || node.has("additionalProperties") ? "object" : null;
    }

    /** OpenAPI 3.1 {@code type: [string, "null"]}: null only says the value may be absent. */
    private static String fromList(JsonNode types) {
        Set<String> named = new LinkedHashSet<>();
        types.forEach(t -> named.add(t.asText()));
        named.remove("null");
        return named.size() == 1 ? named.iterator().next() : null;
    }

    private Set<String> compositeTypes(Refs.Located s) {
        Set<String> types = new LinkedHashSet<>();
        for (String key : COMPOSITES) {
            JsonNode branches = s.node().path(key);
            for (int i = 0; i < branches.size(); i++) {
                // Same pointer as in unwrapSingleBranch, so a broken reference is reported once.
                Refs.Located branch = refs.resolve(branches.get(i), Pointers.child(Pointers.child(s.pointer(), key), i), "schema");
                JsonNode target = branch == null ? null : branch.node();
                String type = target == null ? null : target.has("type") ? fromTypeNode(target.get("type")) : inferType(target);
                if (type != null && !"null".equals(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    private static String fromTypeNode(JsonNode type) {
        return type.isArray() ? fromList(type) : type.asText();
    }

    static boolean isScalar(String type) {
        return "string".equals(type) || "integer".equals(type) || "number".equals(type) || "boolean".equals(type);
    }

    static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
