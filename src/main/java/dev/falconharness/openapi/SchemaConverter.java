package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Converts spec schemas (Swagger 2.0 {@code definitions}, OpenAPI 3.x {@code components/schemas} and
 * the schemas inline in operations) to the JSON Schema subset manifest version 2 carries. Not
 * thread-safe (reports through the run's {@link Warnings}).
 *
 * <p>Rules, each keeping the check as strict as the subset allows and never stricter than the spec:
 * <ul>
 *   <li>A local {@code $ref} to a named schema becomes {@code #/definitions/<name>} (percent-encoded);
 *       another local {@code $ref} is inlined; a {@code $ref} to another file, or one pointing at nothing,
 *       becomes {@code {}} (any value) with a warning.</li>
 *   <li>{@code allOf}, {@code oneOf}, {@code anyOf}, {@code nullable}, 3.1 type lists and Swagger's
 *       {@code x-nullable} are kept; boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} (2.0, 3.0)
 *       become the 2020-12 numbers.</li>
 *   <li>Keywords outside the subset ({@code not}, {@code discriminator}, {@code patternProperties},
 *       {@code if}/{@code then}/{@code else}, tuple {@code items}, {@code type: file}, patterns Java cannot
 *       compile...) are left out with a warning at their pointer: the check is looser there.</li>
 *   <li>Pure annotations that change no check ({@code xml}, {@code externalDocs}, {@code $comment},
 *       {@code $schema}, {@code $id}, {@code $anchor}, and 2020-12's {@code contentMediaType} and
 *       {@code contentEncoding}) are left out without a warning, and so is a 3.1 {@code $defs} block,
 *       whose schemas are inlined where a local {@code $ref} uses them.</li>
 * </ul>
 */
final class SchemaConverter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> COPIED = Set.of("required", "enum", "const", "minimum", "maximum",
            "minLength", "maxLength", "format", "minItems", "maxItems", "uniqueItems", "nullable", "description",
            "title", "default", "examples", "example", "readOnly", "writeOnly", "deprecated");
    private static final Set<String> NUMBERS = Set.of("minimum", "maximum", "minLength", "maxLength", "minItems",
            "maxItems");
    private static final Set<String> ANNOTATIONS = Set.of("xml", "externalDocs", "$comment", "$schema", "$id", "$anchor",
            "$defs", "contentMediaType", "contentEncoding");
    private static final Set<String> TYPES = Set.of("null", "boolean", "integer", "number", "string", "array", "object");
    private static final Set<String> LISTS = Set.of("allOf", "oneOf", "anyOf");
    // Inlined (non-definition) references nest at most this deep; stops a local chain that includes itself.
    private static final int MAX_INLINE = 16;
    // SchemaCompiler refuses longer patterns.
    private static final int MAX_PATTERN_LENGTH = 1_000;

    private final JsonNode named;
    private final String namedPrefix;
    private final Refs refs;
    private final Warnings warnings;

    SchemaConverter(JsonNode spec, SpecVersion version, Refs refs, Warnings warnings) {
        this.named = version.isOpenApi3() ? spec.path("components").path("schemas") : spec.path("definitions");
        this.namedPrefix = version.isOpenApi3() ? "#/components/schemas/" : "#/definitions/";
        this.refs = refs;
        this.warnings = warnings;
    }

    /** Every named schema of the spec, converted, in spec order; the manifest's {@code definitions}. */
    ObjectNode definitions() {
        ObjectNode out = NODES.objectNode();
        String base = namedPrefix.substring(1, namedPrefix.length() - 1);
        named.fields().forEachRemaining(e -> out.set(e.getKey(), convert(e.getValue(), Pointers.child(base, e.getKey()))));
        return out;
    }

    /** {@code schema} (found at {@code pointer}) in the subset; {@code {}} where nothing can be kept. */
    ObjectNode convert(JsonNode schema, String pointer) {
        return convert(schema, pointer, 0);
    }

    private ObjectNode convert(JsonNode schema, String at, int inlined) {
        if (schema == null || schema.isBoolean()) {
            if (schema != null && !schema.asBoolean()) {
                warnings.warn(at, "schema false (no value allowed) cannot be expressed; any value is accepted here");
            }
            return NODES.objectNode();
        }
        if (!schema.isObject()) {
            warnings.warn(at, "schema is not an object; any value is accepted here");
            return NODES.objectNode();
        }
        ObjectNode out = NODES.objectNode();
        if (schema.has("$ref")) {
            ObjectNode target = reference(schema.get("$ref"), Pointers.child(at, "$ref"), inlined);
            if (target.has("$ref") || schema.size() == 1) {
                out.setAll(target);
            } else {
                out.set("allOf", NODES.arrayNode().add(target));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            keyword(out, schema, field.getKey(), field.getValue(), Pointers.child(at, field.getKey()), inlined);
        }
        return out;
    }

    private void keyword(ObjectNode out, JsonNode schema, String key, JsonNode value, String at, int inlined) {
        switch (key) {
            case "$ref" -> { }
            case "type" -> type(out, value, at);
            case "properties" -> properties(out, value, at, inlined);
            case "items" -> items(out, value, at, inlined);
            case "additionalProperties" -> out.set(key, value.isBoolean() ? value : convert(value, at, inlined));
            case "exclusiveMinimum", "exclusiveMaximum" -> exclusive(out, schema, key, value, at);
            case "pattern" -> pattern(out, value, at);
            case "minimum", "maximum" -> {
                // With a boolean exclusive flag set, the bound moves to exclusiveMinimum/exclusiveMaximum.
                String flag = key.equals("minimum") ? "exclusiveMinimum" : "exclusiveMaximum";
                if (!(schema.path(flag).isBoolean() && schema.path(flag).asBoolean())) {
                    other(out, key, value, at, inlined);
                }
            }
            case "x-nullable" -> {
                if (value.asBoolean(false)) {
                    out.put("nullable", true);
                }
            }
            default -> other(out, key, value, at, inlined);
        }
    }

    private void other(ObjectNode out, String key, JsonNode value, String at, int inlined) {
        if (LISTS.contains(key) && value.isArray() && !value.isEmpty()) {
            ArrayNode list = out.putArray(key);
            for (int i = 0; i < value.size(); i++) {
                list.add(convert(value.get(i), Pointers.child(at, i), inlined));
            }
        } else if (COPIED.contains(key) && wellFormed(key, value)) {
            out.set(key, value.deepCopy());
        } else if (key.startsWith("x-")) {
            out.set(key, value.deepCopy());
        } else if (!ANNOTATIONS.contains(key)) {
            warnings.warn(at, COPIED.contains(key) || LISTS.contains(key)
                    ? "schema keyword \"" + key + "\" has a malformed value " + brief(value) + "; left out"
                    : "schema keyword \"" + key + "\" is outside the subset a manifest carries; left out, so the "
                            + "check is looser here");
        }
    }

    private static boolean wellFormed(String key, JsonNode value) {
        if (NUMBERS.contains(key)) {
            return value.isNumber();
        }
        return switch (key) {
            case "required" -> value.isArray() && !value.isEmpty();
            case "enum" -> value.isArray() && !value.isEmpty();
            case "format", "description", "title" -> value.isTextual();
            case "uniqueItems", "nullable", "readOnly", "writeOnly", "deprecated" -> value.isBoolean();
            case "examples" -> value.isArray();
            default -> true;
        };
    }

    /** A named schema becomes a reference; any other local target is converted in place. */
    private ObjectNode reference(JsonNode ref, String at, int inlined) {
        String text = ref.asText("");
        if (!text.startsWith("#")) {
            warnings.warn(at, "schema refers to another document (" + text + "), which the importer does not fetch; "
                    + "any value is accepted here (bundle the spec to keep it)");
            return NODES.objectNode();
        }
        String name = definitionName(text);
        if (name != null) {
            if (!named.has(name)) {
                warnings.warn(at, "$ref " + text + " names no schema in this document; any value is accepted here");
                return NODES.objectNode();
            }
            return NODES.objectNode().put("$ref", SchemaSubset.REF_PREFIX + encode(name));
        }
        if (inlined >= MAX_INLINE) {
            warnings.warn(at, "$ref " + text + " nests local references too deeply; any value is accepted here");
            return NODES.objectNode();
        }
        Refs.Located target = refs.resolve(NODES.objectNode().put("$ref", text), at.replaceFirst("/\\$ref$", ""), "schema");
        return target == null ? NODES.objectNode() : convert(target.node(), target.pointer(), inlined + 1);
    }

    /** The schema name a reference to a whole named schema gives, or null for any other reference. */
    private String definitionName(String ref) {
        if (!ref.startsWith(namedPrefix)) {
            return null;
        }
        String rest = Refs.decode(ref.substring(namedPrefix.length()));
        return rest.isEmpty() || rest.contains("/") ? null : rest.replace("~1", "/").replace("~0", "~");
    }

    /** Percent-encodes all but unreserved characters, which both the loader and the checker decode. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private void type(ObjectNode out, JsonNode value, String at) {
        if (value.isTextual() && TYPES.contains(value.asText())) {
            out.set("type", value);
            return;
        }
        if (value.isArray()) {
            ArrayNode kept = NODES.arrayNode();
            value.forEach(t -> {
                if (t.isTextual() && TYPES.contains(t.asText())) {
                    kept.add(t);
                }
            });
            if (kept.size() == value.size() && !kept.isEmpty()) {
                out.set("type", kept);
                return;
            }
        }
        warnings.warn(at, "schema type " + brief(value) + " cannot be checked; left out, so any type is accepted here");
    }

    private void properties(ObjectNode out, JsonNode value, String at, int inlined) {
        if (!value.isObject()) {
            warnings.warn(at, "properties is not an object; left out");
            return;
        }
        ObjectNode properties = out.putObject("properties");
        value.fields().forEachRemaining(p -> properties.set(p.getKey(), convert(p.getValue(), Pointers.child(at, p.getKey()), inlined)));
    }

    private void items(ObjectNode out, JsonNode value, String at, int inlined) {
        if (value.isArray()) {
            warnings.warn(at, "tuple items (a list of schemas) cannot be expressed; items are not checked");
            return;
        }
        out.set("items", convert(value, at, inlined));
    }

    /** Swagger 2.0 and OpenAPI 3.0 write {@code exclusiveMinimum: true} beside {@code minimum}. */
    private void exclusive(ObjectNode out, JsonNode schema, String key, JsonNode value, String at) {
        if (value.isNumber()) {
            out.set(key, value);
            return;
        }
        String bound = key.equals("exclusiveMinimum") ? "minimum" : "maximum";
        if (value.isBoolean() && value.asBoolean() && schema.path(bound).isNumber()) {
            out.set(key, schema.get(bound));
        } else if (!value.isBoolean()) {
            warnings.warn(at, key + " " + brief(value) + " is neither a number nor a flag; left out");
        }
    }

    private void pattern(ObjectNode out, JsonNode value, String at) {
        String why = null;
        if (!value.isTextual()) {
            why = "is not a string";
        } else if (value.asText().length() > MAX_PATTERN_LENGTH) {
            why = "is longer than " + MAX_PATTERN_LENGTH + " characters";
        } else {
            try {
                Pattern.compile(value.asText());
            } catch (PatternSyntaxException e) {
                why = "is not a regular expression Java can compile (" + e.getDescription() + ")";
            }
        }
        if (why == null) {
            out.set("pattern", value);
        } else {
            warnings.warn(at, "pattern " + why + "; left out, so the value is not matched against it");
        }
    }

    private static String brief(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
