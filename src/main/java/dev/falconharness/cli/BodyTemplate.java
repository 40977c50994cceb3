package dev.falconharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.schema.JsonType;
import dev.falconharness.schema.Schema;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

/**
 * {@code falcon describe OP --body-template}: a JSON skeleton of a body, to fill in and send with
 * {@code --body @FILE}. Every required field is there (optional ones too with {@code allFields}), with a
 * placeholder of its type: {@code "<string>"}, {@code 0} (or the minimum), {@code false}, the first
 * allowed value of an enum; an array holds one placeholder item; nested objects are filled the same way;
 * of {@code oneOf}/{@code anyOf} alternatives the first is used. An optional field that refers back to a
 * definition being filled is left out; a required one becomes {@code {}}. Not thread-safe (one per
 * template).
 *
 * <pre>
 * {"uid": "&lt;string&gt;"}     for CreateUser, whose only required field is uid
 * </pre>
 */
final class BodyTemplate {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deeper than any real body; stops a chain of distinct definitions that never ends. */
    private static final int MAX_DEPTH = 12;

    private final boolean allFields;
    private final Deque<String> open = new ArrayDeque<>();

    private BodyTemplate(boolean allFields) {
        this.allFields = allFields;
    }

    /** The skeleton of a value of {@code schema}. */
    static JsonNode of(Schema schema, boolean allFields) {
        return new BodyTemplate(allFields).value(schema, 0);
    }

    private JsonNode value(Schema schema, int depth) {
        String ref = schema.ref();
        if (ref != null && open.contains(ref) || depth > MAX_DEPTH) {
            return NODES.objectNode();
        }
        if (ref != null) {
            open.push(ref);
        }
        try {
            return resolvedValue(schema.resolved(), depth);
        } finally {
            if (ref != null) {
                open.pop();
            }
        }
    }

    private JsonNode resolvedValue(Schema s, int depth) {
        if (!s.enumValues().isEmpty()) {
            return s.enumValues().get(0);
        }
        if (s.constValue() != null) {
            return s.constValue();
        }
        Set<JsonType> types = s.types();
        if (types.contains(JsonType.OBJECT) || types.isEmpty() && !s.allProperties().isEmpty()) {
            return object(s, depth);
        }
        if (types.contains(JsonType.ARRAY)) {
            ArrayNode array = NODES.arrayNode();
            array.add(s.items().map(items -> value(items, depth + 1)).orElse(NODES.textNode("<value>")));
            return array;
        }
        if (types.contains(JsonType.STRING)) {
            return NODES.textNode("<string>");
        }
        if (types.contains(JsonType.INTEGER) || types.contains(JsonType.NUMBER)) {
            BigDecimal least = s.minimum().orElse(BigDecimal.ZERO).max(s.exclusiveMinimum().map(m -> m.add(BigDecimal.ONE))
                    .orElse(BigDecimal.ZERO));
            return NODES.numberNode(least.signum() > 0 ? least : BigDecimal.ZERO);
        }
        if (types.contains(JsonType.BOOLEAN)) {
            return NODES.booleanNode(false);
        }
        Schema first = !s.oneOf().isEmpty() ? s.oneOf().get(0) : !s.anyOf().isEmpty() ? s.anyOf().get(0) : null;
        return first != null ? value(first, depth + 1) : NODES.nullNode();
    }

    private ObjectNode object(Schema s, int depth) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = SchemaTree.required(s);
        for (Map.Entry<String, Schema> field : s.allProperties().entrySet()) {
            boolean needed = required.contains(field.getKey());
            // An optional field that leads back to a definition being filled would only hold a stub.
            boolean wanted = needed || allFields && !field.getValue().resolved().readOnly() && !recursive(field.getValue());
            if (wanted) {
                object.set(field.getKey(), value(field.getValue(), depth + 1));
            }
        }
        return object;
    }

    /** Whether {@code schema}, or its array's items, refers to a definition already being filled. */
    private boolean recursive(Schema schema) {
        String ref = schema.ref() != null ? schema.ref() : schema.resolved().items().map(Schema::ref).orElse(null);
        return ref != null && open.contains(ref);
    }
}
