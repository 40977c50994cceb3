package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.schema.JsonType;
import dev.falconharness.schema.Schema;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A JSON body checked against an operation's body schema the way the API's Go decoder reads it: fields
 * an object's schema does not declare are dropped (never stored), {@code null} is the same as absent, a
 * value of the wrong JSON type or a missing required field is a 400 naming the field. Formats, patterns
 * and ranges are not checked: Go's decoder does not check them either. Immutable and thread-safe.
 *
 * <pre>{@code
 * JsonNode kept = new SchemaBody("CreateRule", op.bodySchema().get(), true).check(bytes);
 * }</pre>
 *
 * @param operationId the operation, for messages
 * @param schema      the body's schema
 * @param required    true when the operation requires a body
 */
record SchemaBody(String operationId, Schema schema, boolean required) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Deeper bodies than this are refused: Go's decoder stops at 10,000; the sandbox's stack earlier. */
    static final int MAX_DEPTH = 64;

    /** The body with undeclared fields dropped, or null when an optional body was not sent. */
    JsonNode check(byte[] body) {
        if (body.length == 0) {
            if (required) {
                throw SandboxError.badRequest(operationId + " needs a JSON body" + shape(schema));
            }
            return null;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw SandboxError.badRequest("the body of " + operationId + " is not valid JSON: "
                    + firstLine(e.getMessage()));
        }
        return node == null ? null : keep(schema, node, "", 0);
    }

    private JsonNode keep(Schema declared, JsonNode value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw SandboxError.badRequest("the body of " + operationId + " nests deeper than " + MAX_DEPTH
                    + " levels at '" + path + "'");
        }
        Schema s = declared.resolved();
        if (value.isNull() || s.types().isEmpty() && s.allProperties().isEmpty()) {
            return value;
        }
        JsonType kind = kind(value);
        boolean objectLike = s.types().isEmpty() && !s.allProperties().isEmpty();
        if (!(objectLike ? kind == JsonType.OBJECT : s.allows(kind))) {
            throw SandboxError.badRequest("body field '" + display(path) + "' of " + operationId + " must be "
                    + expected(s, objectLike) + ", got " + kind.jsonName() + ": " + abbreviate(value.toString()));
        }
        if (kind == JsonType.ARRAY) {
            return array(s, (ArrayNode) value, path, depth);
        }
        return kind == JsonType.OBJECT ? object(s, (ObjectNode) value, path, depth)
                : BodyShape.checkLength(display(path), value);
    }

    private JsonNode array(Schema s, ArrayNode value, String path, int depth) {
        if (s.items().isEmpty()) {
            return value;
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < value.size(); i++) {
            kept.add(keep(s.items().get(), value.get(i), path + "[" + i + "]", depth + 1));
        }
        return kept;
    }

    private JsonNode object(Schema s, ObjectNode value, String path, int depth) {
        Map<String, Schema> properties = s.allProperties();
        if (properties.isEmpty()) {
            return value; // a map (additionalProperties): Go keeps every key
        }
        for (String name : requiredNames(s)) {
            if (value.path(name).isMissingNode() || value.path(name).isNull()) {
                throw SandboxError.badRequest("the body of " + operationId + " is missing required field '"
                        + join(path, name) + "'");
            }
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            JsonNode field = value.get(property.getKey());
            if (field != null) {
                kept.set(property.getKey(), keep(property.getValue(), field, join(path, property.getKey()), depth + 1));
            }
        }
        return kept;
    }

    private static Set<String> requiredNames(Schema s) {
        Set<String> names = new java.util.LinkedHashSet<>(s.required());
        s.allOf().forEach(part -> names.addAll(part.resolved().required()));
        return names;
    }

    private static JsonType kind(JsonNode value) {
        if (value.isObject()) {
            return JsonType.OBJECT;
        }
        if (value.isArray()) {
            return JsonType.ARRAY;
        }
        if (value.isTextual()) {
            return JsonType.STRING;
        }
        if (value.isBoolean()) {
            return JsonType.BOOLEAN;
        }
        if (value.isIntegralNumber()) {
            return JsonType.INTEGER;
        }
        return value.isNumber() ? JsonType.NUMBER : JsonType.NULL;
    }

    private static String expected(Schema s, boolean objectLike) {
        if (objectLike) {
            return "an object";
        }
        return String.join(" or ", s.types().stream().filter(t -> t != JsonType.NULL).map(JsonType::jsonName).toList());
    }

    private static String shape(Schema schema) {
        Set<String> names = schema.resolved().allProperties().keySet();
        return names.isEmpty() ? "" : " (an object with " + String.join(", ", names.stream().limit(12).toList()) + ")";
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String display(String path) {
        return path.isEmpty() ? "(the body)" : path;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
