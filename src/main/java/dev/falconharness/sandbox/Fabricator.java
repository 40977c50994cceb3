package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.schema.JsonType;
import dev.falconharness.schema.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes JSON values that match a schema, deterministically from a seed: the same seed and schema give the
 * same value. Strings follow their format (ISO times, dates, UUIDs) and name ({@code *_id} fields get
 * Falcon-style 32-hex IDs), enums pick one of their values, numbers keep to their ranges, objects carry
 * every declared property near the top and only required ones deeper down, arrays hold one or two items.
 * Not thread-safe: one instance per answer.
 *
 * <pre>{@code
 * JsonNode host = new Fabricator(Fabricator.seed("devices", id)).value(schema);
 * }</pre>
 */
final class Fabricator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Below this depth objects carry every property; from it on only required ones. */
    private static final int FULL_DEPTH = 3;
    /** Past this depth nothing optional is made: recursive schemas end here. */
    private static final int MAX_DEPTH = 10;
    /** Times fall in the year before this instant, so answers look recent but never change. */
    private static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    private final Random random;

    Fabricator(long seed) {
        this.random = new Random(seed);
    }

    /** A stable seed from any parts (operation ID, path, query, an entity's ID). */
    static long seed(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            byte[] hash = digest.digest();
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = seed << 8 | (hash[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A Falcon-style ID: 32 lower-case hex digits. */
    String hexId() {
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    JsonNode value(Schema schema) {
        return value(schema, "", 0);
    }

    private JsonNode value(Schema declared, String name, int depth) {
        Schema s = declared.resolved();
        if (s.constValue() != null) {
            return s.constValue();
        }
        List<JsonNode> choices = s.enumValues().stream().filter(v -> s.allows(kind(v))).toList();
        if (!choices.isEmpty()) {
            return choices.get(random.nextInt(choices.size()));
        }
        List<Schema> branches = s.oneOf().isEmpty() ? s.anyOf() : s.oneOf();
        if (!branches.isEmpty() && s.allProperties().isEmpty()) {
            return value(branches.get(0), name, depth + 1);
        }
        return switch (type(s)) {
            case OBJECT -> object(s, depth);
            case ARRAY -> array(s, name, depth);
            case STRING -> JSON.textNode(string(s, name));
            case INTEGER -> JSON.numberNode(integer(s));
            case NUMBER -> JSON.numberNode(number(s));
            case BOOLEAN -> JSON.booleanNode(random.nextBoolean());
            case NULL -> JSON.nullNode();
        };
    }

    private static JsonType kind(JsonNode v) {
        return v.isTextual() ? JsonType.STRING : v.isIntegralNumber() ? JsonType.INTEGER : v.isNumber() ? JsonType.NUMBER
                : v.isBoolean() ? JsonType.BOOLEAN : v.isArray() ? JsonType.ARRAY : v.isObject() ? JsonType.OBJECT : JsonType.NULL;
    }

    private static JsonType type(Schema s) {
        for (JsonType type : s.types()) {
            if (type != JsonType.NULL) {
                return type;
            }
        }
        return s.types().isEmpty() && s.allProperties().isEmpty() ? JsonType.STRING : JsonType.OBJECT;
    }

    private ObjectNode object(Schema s, int depth) {
        ObjectNode object = JSON.objectNode();
        Set<String> required = new HashSet<>(s.required());
        s.allOf().forEach(part -> required.addAll(part.resolved().required()));
        for (Map.Entry<String, Schema> property : s.allProperties().entrySet()) {
            String name = property.getKey();
            boolean wanted = required.contains(name) || depth < FULL_DEPTH;
            if (wanted && (depth < MAX_DEPTH || required.contains(name))) {
                object.set(name, value(property.getValue(), name, depth + 1));
            }
        }
        return object;
    }

    private ArrayNode array(Schema s, String name, int depth) {
        ArrayNode array = JSON.arrayNode();
        int count = depth < FULL_DEPTH ? 1 + random.nextInt(2) : 0;
        count = Math.max(count, s.minItems());
        if (s.maxItems() >= 0) {
            count = Math.min(count, s.maxItems());
        }
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < count && s.items().isPresent(); i++) {
            JsonNode item = value(s.items().get(), singular(name), depth + 1);
            if (!s.uniqueItems() || seen.add(item)) {
                array.add(item);
            }
        }
        return array;
    }

    private String string(Schema s, String name) {
        String format = s.format() == null ? "" : s.format();
        String text = switch (format) {
            case "date-time" -> Instant.ofEpochSecond(EPOCH - random.nextInt(365 * 86_400)).toString();
            case "date" -> Instant.ofEpochSecond(EPOCH - random.nextInt(365 * 86_400)).toString().substring(0, 10);
            case "uuid" -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            case "email" -> "user" + random.nextInt(1000) + "@example.com";
            case "uri", "url" -> "https://example.com/" + random.nextInt(1000);
            case "ipv4" -> "10.0." + random.nextInt(256) + "." + random.nextInt(256);
            case "byte" -> "c2FuZGJveA==";
            default -> named(name);
        };
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < s.minLength()) {
            padded.append('x');
        }
        return s.maxLength() >= 0 && padded.length() > s.maxLength() ? padded.substring(0, s.maxLength()) : padded.toString();
    }

    /** A string that fits its field's name: IDs look like IDs, times like times, the rest like words. */
    private String named(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("id") || lower.endsWith("_id") || lower.endsWith("id") && lower.length() > 2
                && Character.isUpperCase(name.charAt(name.length() - 2))) {
            return hexId();
        }
        if (lower.endsWith("_timestamp") || lower.endsWith("_time") || lower.endsWith("_on") || lower.endsWith("_at")) {
            return Instant.ofEpochSecond(EPOCH - random.nextInt(365 * 86_400)).toString();
        }
        return (name.isEmpty() ? "value" : name) + "-" + Integer.toString(random.nextInt(46_656), 36);
    }

    private long integer(Schema s) {
        long low = s.minimum().map(BigDecimal::longValue).orElse(s.exclusiveMinimum().map(b -> b.longValue() + 1).orElse(0L));
        long high = s.maximum().map(BigDecimal::longValue).orElse(s.exclusiveMaximum().map(b -> b.longValue() - 1).orElse(low + 100));
        return high <= low ? low : low + (long) (random.nextDouble() * (high - low + 1));
    }

    private BigDecimal number(Schema s) {
        BigDecimal value = BigDecimal.valueOf(integer(s)).add(BigDecimal.valueOf(random.nextInt(100), 2));
        BigDecimal high = s.maximum().orElse(null);
        return high != null && value.compareTo(high) > 0 ? high : value;
    }

    private static String singular(String name) {
        return name.endsWith("ids") ? name.substring(0, name.length() - 1) : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
