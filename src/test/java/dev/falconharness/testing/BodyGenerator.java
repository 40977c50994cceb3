package dev.falconharness.testing;

import dev.falconharness.schema.JsonType;
import dev.falconharness.schema.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the smallest value a schema accepts: required fields only, enums' first value, a value per
 * format, one item per array (or as many as minItems asks), numbers at their lower bound. Test code.
 */
public final class BodyGenerator {
    private static final int MAX_DEPTH = 12;

    private BodyGenerator() {
    }

    public static Object generate(Schema schema) {
        return generate(schema, 0);
    }

    private static Object generate(Schema declared, int depth) {
        Schema s = declared.resolved();
        if (s.constValue() != null) {
            return s.constValue();
        }
        if (!s.enumValues().isEmpty()) {
            return s.enumValues().get(0);
        }
        if (!s.examples().isEmpty() && s.types().contains(JsonType.STRING)) {
            return s.examples().get(0);
        }
        if (!s.oneOf().isEmpty() || !s.anyOf().isEmpty()) {
            Object branch = generate((s.oneOf().isEmpty() ? s.anyOf() : s.oneOf()).get(0), depth + 1);
            return branch instanceof Map<?, ?> map ? merge(object(s, depth), map) : branch;
        }
        JsonType type = firstType(s);
        return switch (type) {
            case OBJECT -> object(s, depth);
            case ARRAY -> array(s, depth);
            case STRING -> string(s);
            case INTEGER -> integer(s);
            case NUMBER -> number(s);
            case BOOLEAN -> true;
            case NULL -> null;
        };
    }

    private static JsonType firstType(Schema s) {
        Set<JsonType> types = s.types();
        for (JsonType type : types) {
            if (type != JsonType.NULL) {
                return type;
            }
        }
        return types.isEmpty() && !s.allProperties().isEmpty() ? JsonType.OBJECT : types.isEmpty() ? JsonType.OBJECT : JsonType.NULL;
    }

    private static Map<String, Object> object(Schema s, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        List<String> required = new ArrayList<>(s.required());
        s.allOf().forEach(part -> required.addAll(part.resolved().required()));
        if (depth > MAX_DEPTH && !required.isEmpty()) {
            throw new IllegalStateException("required fields " + required + " recurse without end: no finite body"
                    + " satisfies this schema (a required property refers back to its own definition)");
        }
        Map<String, Schema> properties = s.allProperties();
        for (String name : required) {
            Schema property = properties.get(name);
            object.put(name, property == null ? "x" : generate(property, depth + 1));
        }
        return object;
    }

    private static Map<String, Object> merge(Map<String, Object> into, Map<?, ?> more) {
        more.forEach((k, v) -> into.putIfAbsent(String.valueOf(k), v));
        return into;
    }

    private static List<Object> array(Schema s, int depth) {
        // One item shows nesting; deeper down, recursive schemas (aggregations of aggregations) stop at none.
        int count = Math.max(s.minItems(), s.maxItems() == 0 || depth > 4 ? 0 : 1);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count && depth <= MAX_DEPTH; i++) {
            Object item = s.items().map(schema -> generate(schema, depth + 1)).orElse("x");
            items.add(s.uniqueItems() && item instanceof String text ? text + i : item);
        }
        return items;
    }

    private static String string(Schema s) {
        String value = switch (s.format() == null ? "" : s.format()) {
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            case "uuid" -> "123e4567-e89b-42d3-a456-426614174000";
            case "email" -> "ana@example.com";
            case "uri", "url" -> "https://example.com/";
            default -> "x";
        };
        StringBuilder text = new StringBuilder(value);
        while (s.minLength() > 0 && text.length() < s.minLength()) {
            text.append('x');
        }
        return s.maxLength() >= 0 && text.length() > s.maxLength() ? text.substring(0, s.maxLength()) : text.toString();
    }

    private static long integer(Schema s) {
        BigDecimal low = s.minimum().orElse(s.exclusiveMinimum().map(b -> b.add(BigDecimal.ONE)).orElse(BigDecimal.ONE));
        BigDecimal high = s.maximum().orElse(s.exclusiveMaximum().map(b -> b.subtract(BigDecimal.ONE)).orElse(null));
        BigDecimal value = high != null && low.compareTo(high) > 0 ? high : low;
        return value.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }

    private static BigDecimal number(Schema s) {
        BigDecimal low = s.minimum().orElse(s.exclusiveMinimum().map(b -> b.add(new BigDecimal("0.5"))).orElse(BigDecimal.ONE));
        BigDecimal high = s.maximum().orElse(null);
        return high != null && low.compareTo(high) > 0 ? high : low;
    }
}
