package dev.falconharness.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles one schema document into a {@link Schema}, recording every problem with its JSON pointer.
 * References are checked to name a definition but not followed: a definition is compiled when first
 * used, so cycles cost nothing here. Not thread-safe: one per compilation.
 */
final class SchemaCompiler {
    /** Longer patterns are refused: nobody documents a field with one, and size feeds backtracking. */
    static final int MAX_PATTERN_LENGTH = 1_000;
    static final String REF_PREFIX = "#/definitions/";
    static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "items", "enum", "const", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "format",
            "minItems", "maxItems", "uniqueItems", "additionalProperties", "$ref", "allOf", "oneOf", "anyOf",
            "nullable", "description", "title", "default", "examples", "example", "readOnly", "writeOnly",
            "deprecated");

    private final Definitions definitions;
    private final List<SchemaProblem> problems;

    SchemaCompiler(Definitions definitions, List<SchemaProblem> problems) {
        this.definitions = definitions;
        this.problems = problems;
    }

    Schema compile(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            problem(at, "a schema must be a JSON object ({} accepts anything)");
            return Schema.ANY;
        }
        if (node.isEmpty()) {
            return Schema.ANY;
        }
        if (node.size() == 1 && node.has("$ref")) {
            String name = ref(node.get("$ref"), at + "/$ref");
            return name == null ? Schema.ANY : definitions.sharedRef(name);
        }
        SchemaBuilder b = new SchemaBuilder();
        checkKeywords(node, at);
        b.types = types(node.get("type"), at + "/type");
        b.nullable = flag(node, "nullable", at);
        readObjectKeywords(node, at, b);
        readValueKeywords(node, at, b);
        b.allOf.addAll(list(node, "allOf", at));
        b.oneOf.addAll(list(node, "oneOf", at));
        b.anyOf.addAll(list(node, "anyOf", at));
        if (node.has("$ref")) {
            b.ref = ref(node.get("$ref"), at + "/$ref");
            b.definitions = definitions;
        }
        b.annotations = annotations(node, at);
        return b.build();
    }

    private void checkKeywords(JsonNode node, String at) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYWORDS.contains(name) && !name.startsWith("x-")) {
                List<String> close = ClosestNames.closest(name, KEYWORDS, 1);
                problem(at + "/" + escape(name), "unsupported keyword \"" + name + "\""
                        + (close.isEmpty() ? "" : "; did you mean \"" + close.get(0) + "\"?")
                        + " (the manifest supports a subset of JSON Schema 2020-12; extensions start with x-)");
            }
        }
    }

    private int types(JsonNode type, String at) {
        if (type == null) {
            return 0;
        }
        int bits = 0;
        List<JsonNode> names = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(names::add);
        } else {
            names.add(type);
        }
        for (JsonNode name : names) {
            JsonType t = name.isTextual() ? JsonType.fromJson(name.asText()) : null;
            if (t == null) {
                problem(at, "unknown type " + name + "; use null, boolean, integer, number, string, array or object");
            } else {
                bits |= t.bit();
            }
        }
        return bits;
    }

    private void readObjectKeywords(JsonNode node, String at, SchemaBuilder b) {
        JsonNode properties = node.get("properties");
        if (properties != null) {
            if (!properties.isObject()) {
                problem(at + "/properties", "must be an object of property schemas");
            } else {
                // Names are interned: "id", "name", "created_at"... recur across thousands of definitions.
                properties.fields().forEachRemaining(e -> b.properties.put(e.getKey().intern(),
                        compile(e.getValue(), at + "/properties/" + escape(e.getKey()))));
            }
        }
        JsonNode required = node.get("required");
        if (required != null) {
            if (!required.isArray()) {
                problem(at + "/required", "must be an array of property names");
            } else {
                required.forEach(name -> {
                    if (name.isTextual()) {
                        b.required.add(name.asText().intern());
                    } else {
                        problem(at + "/required", "property names must be strings, not " + name);
                    }
                });
            }
        }
        JsonNode additional = node.get("additionalProperties");
        if (additional != null) {
            b.additionalProperties = additional.isBoolean() ? (additional.asBoolean() ? Schema.ANY : Schema.NOTHING)
                    : compile(additional, at + "/additionalProperties");
        }
        if (node.has("items")) {
            b.items = compile(node.get("items"), at + "/items");
        }
        b.minItems = count(node, "minItems", at);
        b.maxItems = count(node, "maxItems", at);
        b.uniqueItems = flag(node, "uniqueItems", at);
    }

    private void readValueKeywords(JsonNode node, String at, SchemaBuilder b) {
        JsonNode values = node.get("enum");
        if (values != null) {
            if (!values.isArray() || values.isEmpty()) {
                problem(at + "/enum", "must be a non-empty array of allowed values");
            } else {
                values.forEach(b.enumValues::add);
            }
        }
        b.constValue = node.get("const");
        b.minimum = number(node, "minimum", at);
        b.maximum = number(node, "maximum", at);
        b.exclusiveMinimum = number(node, "exclusiveMinimum", at);
        b.exclusiveMaximum = number(node, "exclusiveMaximum", at);
        b.minLength = count(node, "minLength", at);
        b.maxLength = count(node, "maxLength", at);
        b.pattern = pattern(node.get("pattern"), at + "/pattern");
        b.format = text(node, "format", at);
    }

    private List<Schema> list(JsonNode node, String keyword, String at) {
        JsonNode parts = node.get(keyword);
        List<Schema> schemas = new ArrayList<>();
        if (parts == null) {
            return schemas;
        }
        if (!parts.isArray() || parts.isEmpty()) {
            problem(at + "/" + keyword, "must be a non-empty array of schemas");
            return schemas;
        }
        for (int i = 0; i < parts.size(); i++) {
            schemas.add(compile(parts.get(i), at + "/" + keyword + "/" + i));
        }
        return schemas;
    }

    /** The definition name a reference names, checked to exist; null (with a problem) otherwise. */
    private String ref(JsonNode value, String at) {
        String text = value.isTextual() ? value.asText() : null;
        if (text == null || !text.startsWith(REF_PREFIX)) {
            problem(at, "unsupported reference " + value + "; only \"#/definitions/<name>\" is supported");
            return null;
        }
        String name = decode(text.substring(REF_PREFIX.length()), at);
        if (name != null && !definitions.contains(name)) {
            List<String> close = ClosestNames.closest(name, definitions.names(), 1);
            problem(at, "reference " + text + " names no definition"
                    + (close.isEmpty() ? "" : "; did you mean \"" + close.get(0) + "\"?"));
            return null;
        }
        return name == null ? null : name.intern();
    }

    /** Undoes URI-fragment percent-encoding, then JSON-pointer escapes ({@code ~1} is /, {@code ~0} is ~). */
    private String decode(String fragment, String at) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(fragment.length());
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '%') {
                int value = i + 2 < fragment.length() ? hex(fragment.charAt(i + 1)) * 16 + hex(fragment.charAt(i + 2)) : -1;
                if (value < 0) {
                    problem(at, "bad percent-encoding in reference #/definitions/" + fragment);
                    return null;
                }
                bytes.write(value);
                i += 2;
            } else if (c == '/') {
                problem(at, "reference #/definitions/" + fragment + " points inside a definition; only whole definitions can be referenced");
                return null;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).replace("~1", "/").replace("~0", "~");
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        return digit < 0 ? -1000 : digit;
    }

    private Pattern pattern(JsonNode value, String at) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(at, "must be a string (a regular expression)");
            return null;
        }
        String regex = value.asText();
        if (regex.length() > MAX_PATTERN_LENGTH) {
            problem(at, "pattern is " + regex.length() + " characters long; at most " + MAX_PATTERN_LENGTH + " are allowed");
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problem(at, "not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    private Schema.Annotations annotations(JsonNode node, String at) {
        List<JsonNode> examples = new ArrayList<>();
        JsonNode many = node.get("examples");
        if (many != null) {
            if (many.isArray()) {
                many.forEach(examples::add);
            } else {
                problem(at + "/examples", "must be an array");
            }
        }
        if (node.has("example")) {
            examples.add(node.get("example"));
        }
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                extensions.put(e.getKey(), e.getValue());
            }
        });
        String description = text(node, "description", at);
        String title = text(node, "title", at);
        boolean readOnly = flag(node, "readOnly", at);
        boolean writeOnly = flag(node, "writeOnly", at);
        boolean deprecated = flag(node, "deprecated", at);
        if (description == null && title == null && examples.isEmpty() && extensions.isEmpty() && !node.has("default")
                && !readOnly && !writeOnly && !deprecated) {
            return Schema.Annotations.NONE;
        }
        return new Schema.Annotations(description, title, node.get("default"), List.copyOf(examples), readOnly,
                writeOnly, deprecated, Map.copyOf(extensions));
    }

    private Schema.Bound number(JsonNode node, String keyword, String at) {
        JsonNode value = node.get(keyword);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problem(at + "/" + keyword, "must be a number (2020-12 style: exclusive bounds are numbers, not booleans)");
            return null;
        }
        return Schema.Bound.of(value.decimalValue());
    }

    private int count(JsonNode node, String keyword, String at) {
        JsonNode value = node.get(keyword);
        if (value == null) {
            return -1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            problem(at + "/" + keyword, "must be a non-negative integer");
            return -1;
        }
        return value.asInt();
    }

    private boolean flag(JsonNode node, String keyword, String at) {
        JsonNode value = node.get(keyword);
        if (value != null && !value.isBoolean()) {
            problem(at + "/" + keyword, "must be true or false");
            return false;
        }
        return value != null && value.asBoolean();
    }

    private String text(JsonNode node, String keyword, String at) {
        JsonNode value = node.get(keyword);
        if (value != null && !value.isTextual()) {
            problem(at + "/" + keyword, "must be a string");
            return null;
        }
        return value == null ? null : value.asText();
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private void problem(String at, String message) {
        problems.add(new SchemaProblem(at, message));
    }
}
