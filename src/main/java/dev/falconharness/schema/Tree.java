package dev.falconharness.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Reads a value the way it will be written as JSON, whether it is a Jackson tree or plain Java (maps,
 * collections, arrays, strings, numbers, booleans), so the common body needs no conversion. Other
 * objects (records, POJOs, enums, dates) have no {@link #kind} and are converted by the validator's
 * mapper first. Stateless.
 */
final class Tree {
    private Tree() {
    }

    /** The JSON type {@code value} is written as, or null when only Jackson can tell. */
    static JsonType kind(Object value) {
        if (value == null) {
            return JsonType.NULL;
        }
        if (value instanceof JsonNode node) {
            return nodeKind(node);
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof byte[]) {
            return JsonType.STRING;
        }
        if (value instanceof Boolean) {
            return JsonType.BOOLEAN;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return JsonType.INTEGER;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) && d == Math.rint(d) ? JsonType.INTEGER : JsonType.NUMBER;
        }
        if (value instanceof BigDecimal big) {
            return big.signum() == 0 || big.stripTrailingZeros().scale() <= 0 ? JsonType.INTEGER : JsonType.NUMBER;
        }
        if (value instanceof Map<?, ?>) {
            return JsonType.OBJECT;
        }
        if (value instanceof Collection<?> || value instanceof Object[]) {
            return JsonType.ARRAY;
        }
        return null;
    }

    private static JsonType nodeKind(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING, BINARY:
                return JsonType.STRING;
            case BOOLEAN:
                return JsonType.BOOLEAN;
            case NUMBER:
                if (node.isIntegralNumber()) {
                    return JsonType.INTEGER;
                }
                return kind(node.isBigDecimal() ? node.decimalValue() : (Object) node.doubleValue());
            case OBJECT:
                return JsonType.OBJECT;
            case ARRAY:
                return JsonType.ARRAY;
            case NULL, MISSING:
                return JsonType.NULL;
            default:
                return null; // a POJO node: Jackson decides
        }
    }

    static String text(Object value) {
        if (value instanceof JsonNode node) {
            return node.asText();
        }
        return value instanceof byte[] ? "" : value.toString();
    }

    static double number(Object value) {
        return value instanceof JsonNode node ? node.doubleValue() : ((Number) value).doubleValue();
    }

    /** Exact value, only for numbers a double cannot hold exactly. */
    static BigDecimal exact(Object value) {
        if (value instanceof JsonNode node) {
            return node.decimalValue();
        }
        if (value instanceof BigDecimal big) {
            return big;
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        return value instanceof Long || value instanceof Integer ? BigDecimal.valueOf(((Number) value).longValue())
                : BigDecimal.valueOf(((Number) value).doubleValue());
    }

    /** True when comparing as doubles might lose precision. */
    static boolean needsExact(Object value) {
        if (value instanceof JsonNode node) {
            return node.isBigDecimal() || node.isBigInteger() || node.isLong();
        }
        return value instanceof BigDecimal || value instanceof BigInteger || value instanceof Long;
    }

    static int size(Object array) {
        if (array instanceof JsonNode node) {
            return node.size();
        }
        return array instanceof Collection<?> c ? c.size() : ((Object[]) array).length;
    }

    static Iterable<?> items(Object array) {
        if (array instanceof JsonNode node) {
            return node;
        }
        return array instanceof Collection<?> c ? c : java.util.Arrays.asList((Object[]) array);
    }

    /** The field's value, {@link #ABSENT} when the object has no such field. */
    static Object field(Object object, String name) {
        if (object instanceof JsonNode node) {
            JsonNode value = node.get(name);
            return value == null ? ABSENT : value;
        }
        Map<?, ?> map = (Map<?, ?>) object;
        Object value = map.get(name);
        return value == null && !map.containsKey(name) ? ABSENT : value;
    }

    /** Marks a missing field, which differs from a field that is present and null. */
    static final Object ABSENT = new Object();
}
