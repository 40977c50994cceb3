package dev.falconharness.request;

import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.schema.JsonType;
import dev.falconharness.schema.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level fields of an operation's JSON object body, so that arguments can name them
 * ({@code uid=ana@example.com firstName=Ana}) and build the body; text is converted to each field's
 * schema type ({@code "a,b"} to an array, {@code "5"} to 5, {@code "true"} to true). Immutable and
 * thread-safe.
 */
final class BodyFields {
    static final BodyFields NONE = new BodyFields(Map.of());

    private final Map<String, Schema> fields;

    private BodyFields(Map<String, Schema> fields) {
        this.fields = fields;
    }

    /** The fields of {@code op}'s body, when it has a JSON object body schema with properties. */
    static BodyFields of(Operation op) {
        Optional<Parameter> body = op.bodyParameter();
        Optional<Schema> schema = op.bodySchema();
        if (body.isEmpty() || schema.isEmpty() || !BodyEncoder.isJson(op.consumes())) {
            return NONE;
        }
        Schema s = schema.get().resolved();
        boolean object = s.types().isEmpty() ? !s.allProperties().isEmpty() : s.types().equals(java.util.Set.of(JsonType.OBJECT));
        return object ? new BodyFields(s.allProperties()) : NONE;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    boolean contains(String name) {
        return fields.containsKey(name);
    }

    Collection<String> names() {
        return fields.keySet();
    }

    /** {@code value} in the field's type when it is text that spells one; otherwise as given. */
    Object convert(String name, Object value) {
        Schema field = fields.get(name);
        return field == null ? value : convert(field.resolved(), value);
    }

    private static Object convert(Schema s, Object value) {
        if (!(value instanceof CharSequence chars)) {
            return value;
        }
        String text = chars.toString();
        if (s.allows(JsonType.STRING) && !s.types().isEmpty()) {
            return text;
        }
        if (s.types().contains(JsonType.ARRAY)) {
            Schema items = s.items().map(Schema::resolved).orElse(Schema.ANY);
            List<Object> list = new ArrayList<>();
            if (!text.isEmpty()) {
                for (String item : text.split(",", -1)) {
                    list.add(convert(items, item.strip()));
                }
            }
            return list;
        }
        if (s.types().contains(JsonType.INTEGER) && text.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(text);
        }
        if (s.types().contains(JsonType.NUMBER) && text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            return new BigDecimal(text);
        }
        if (s.types().contains(JsonType.BOOLEAN)) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Boolean.valueOf(lower);
            }
        }
        return text; // not convertible: validation says what type was expected
    }
}
