package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON object an operation's body must be, checked the way the API's Go decoder checks it: unknown
 * fields are ignored (and dropped, so the sandbox never stores them), {@code null} is the same as absent,
 * a value of the wrong JSON type is a 400 naming the field, and so is a missing required field.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * BodyShape roleIds = BodyShape.of("domain.RoleIDs").strings("roleIds").require("roleIds");
 * }</pre>
 *
 * @param name     the schema's name, e.g. {@code domain.RoleIDs}, for messages
 * @param fields   the known fields and their types, in declaration order
 * @param required the fields that must be present and not null
 */
record BodyShape(String name, Map<String, Field> fields, Set<String> required) {

    /** The longest string field the sandbox stores, in characters; a longer one is a 400 naming the field. */
    static final int MAX_FIELD_CHARS = 4096;

    /** The JSON types the sandbox's hand-written shapes use; schema-driven shapes may add more. */
    enum Kind { STRING, STRING_ARRAY, OBJECT }

    /** One field: its kind, and for {@link Kind#OBJECT} the shape of the nested object. */
    record Field(Kind kind, BodyShape nested) {
    }

    BodyShape {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        required = Set.copyOf(required);
    }

    static BodyShape of(String name) {
        return new BodyShape(name, Map.of(), Set.of());
    }

    BodyShape string(String... names) {
        return with(new Field(Kind.STRING, null), names);
    }

    BodyShape strings(String... names) {
        return with(new Field(Kind.STRING_ARRAY, null), names);
    }

    BodyShape object(String fieldName, BodyShape nested) {
        return with(new Field(Kind.OBJECT, nested), fieldName);
    }

    BodyShape require(String... names) {
        Set<String> all = new java.util.LinkedHashSet<>(required);
        all.addAll(List.of(names));
        return new BodyShape(name, fields, all);
    }

    private BodyShape with(Field field, String... names) {
        Map<String, Field> all = new LinkedHashMap<>(fields);
        for (String n : names) {
            all.put(n, field);
        }
        return new BodyShape(name, all, required);
    }

    /** The body with only the known, non-null fields; a {@link SandboxError} (400) names the first bad one. */
    ObjectNode check(JsonNode body) {
        return check(body, "");
    }

    private ObjectNode check(JsonNode body, String prefix) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Field> entry : fields.entrySet()) {
            String field = entry.getKey();
            JsonNode value = body.path(field);
            if (value.isMissingNode() || value.isNull()) {
                if (required.contains(field)) {
                    throw SandboxError.badRequest("the body (" + name + ") is missing required field '" + prefix
                            + field + "'");
                }
                continue;
            }
            kept.set(field, checkValue(prefix + field, entry.getValue(), value));
        }
        return kept;
    }

    private JsonNode checkValue(String path, Field field, JsonNode value) {
        switch (field.kind()) {
            case STRING -> {
                if (!value.isTextual()) {
                    throw wrongType(path, "a string", value);
                }
                return checkLength(path, value);
            }
            case STRING_ARRAY -> {
                if (!value.isArray()) {
                    throw wrongType(path, "an array of strings", value);
                }
                for (int i = 0; i < value.size(); i++) {
                    if (!value.get(i).isTextual()) {
                        throw wrongType(path + "[" + i + "]", "a string", value.get(i));
                    }
                    checkLength(path + "[" + i + "]", value.get(i));
                }
                return value;
            }
            case OBJECT -> {
                if (!value.isObject()) {
                    throw wrongType(path, "an object", value);
                }
                return field.nested().check(value, path + ".");
            }
            default -> throw new IllegalStateException("unknown kind " + field.kind());
        }
    }

    /** A string no longer than {@link #MAX_FIELD_CHARS}, or a 400 naming the field (never echoing it). */
    static JsonNode checkLength(String path, JsonNode value) {
        if (value.isTextual() && value.textValue().length() > MAX_FIELD_CHARS) {
            throw SandboxError.badRequest("body field '" + path + "' is " + value.textValue().length()
                    + " characters long; the sandbox stores at most " + MAX_FIELD_CHARS);
        }
        return value;
    }

    private SandboxError wrongType(String path, String expected, JsonNode value) {
        return SandboxError.badRequest("body field '" + path + "' (" + name + ") must be " + expected + ", got "
                + describe(value) + ": " + abbreviate(value.toString()));
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
