package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Copies the value constraints a manifest can check (enum, bounds, lengths, pattern) from a schema
 * onto a parameter; for arrays, from the items schema, since the harness checks each item. Not
 * thread-safe (reports through the run's {@link Warnings}).
 *
 * <p>Exclusive bounds ({@code exclusiveMinimum: true} in 2.0/3.0, a number in 3.1) become the next
 * whole number for integers; for other numbers they are kept inclusive, with a warning.
 */
final class Constraints {
    private final Warnings warnings;

    Constraints(Warnings warnings) {
        this.warnings = warnings;
    }

    void apply(ParamDraft p, Refs.Located s, String type) {
        p.enumValues = enumValues(p, s);
        boolean numeric = "integer".equals(type) || "number".equals(type);
        if (numeric) {
            p.minimum = bound(s, "minimum", "exclusiveMinimum", "integer".equals(type), true);
            p.maximum = bound(s, "maximum", "exclusiveMaximum", "integer".equals(type), false);
        } else if (s.node().has("minimum") || s.node().has("maximum")) {
            warnings.warn(s.pointer(), "minimum/maximum on a " + type + " value of \"" + p.name + "\" mean nothing; not kept");
        }
        p.minLength = count(s, "minLength");
        p.maxLength = count(s, "maxLength");
        p.pattern = pattern(p, s);
        if (s.node().has("multipleOf")) {
            warnings.warn(Pointers.child(s.pointer(), "multipleOf"), "multipleOf is not checked by the harness; "
                    + "the server will refuse values of \"" + p.name + "\" that break it");
        }
    }

    /** A non-negative whole number, or null (with a warning when present but unusable). */
    Integer count(Refs.Located s, String key) {
        JsonNode value = s.node().get(key);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            warnings.warn(Pointers.child(s.pointer(), key), key + " must be a non-negative whole number, not " + value + "; not kept");
            return null;
        }
        return value.asInt();
    }

    private JsonNode enumValues(ParamDraft p, Refs.Located s) {
        String key = s.node().has("enum") ? "enum" : s.node().has("const") ? "const" : null;
        if (key == null) {
            return null;
        }
        JsonNode values = s.node().get(key);
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode value : "const".equals(key) ? JsonNodeFactory.instance.arrayNode().add(values) : values) {
            if (value.isContainerNode()) {
                warnings.warn(Pointers.child(s.pointer(), key), "the allowed values of \"" + p.name
                        + "\" include objects or lists, which a parameter cannot carry; " + key + " not kept");
                return null;
            }
            // null only says the value may be left out; the harness already allows that for optional parameters.
            if (!value.isNull()) {
                kept.add(value);
            }
        }
        return kept.isEmpty() ? null : kept;
    }

    private JsonNode bound(Refs.Located s, String key, String exclusiveKey, boolean integer, boolean lower) {
        JsonNode inclusive = s.node().get(key);
        JsonNode exclusive = s.node().get(exclusiveKey);
        if (inclusive != null && !inclusive.isNumber()) {
            warnings.warn(Pointers.child(s.pointer(), key), key + " must be a number, not " + inclusive + "; not kept");
            inclusive = null;
        }
        String exclusiveAt = Pointers.child(s.pointer(), exclusiveKey);
        if (exclusive != null && exclusive.isBoolean() && exclusive.asBoolean() && inclusive != null) {
            return tighten(inclusive.decimalValue(), integer, lower, exclusiveAt);
        }
        if (exclusive != null && exclusive.isNumber()) {
            JsonNode tightened = tighten(exclusive.decimalValue(), integer, lower, exclusiveAt);
            return inclusive == null || stricter(tightened, inclusive, lower) ? tightened : inclusive;
        }
        return inclusive;
    }

    private JsonNode tighten(BigDecimal limit, boolean integer, boolean lower, String at) {
        if (integer) {
            BigDecimal next = lower ? limit.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
                    : limit.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
            return JsonNodeFactory.instance.numberNode(next.toBigInteger());
        }
        warnings.warn(at, "an exclusive bound (" + limit.toPlainString() + ") cannot be expressed in a manifest; "
                + "kept as an inclusive " + (lower ? "minimum" : "maximum"));
        return JsonNodeFactory.instance.numberNode(limit);
    }

    private static boolean stricter(JsonNode candidate, JsonNode current, boolean lower) {
        int order = candidate.decimalValue().compareTo(current.decimalValue());
        return lower ? order > 0 : order < 0;
    }

    private String pattern(ParamDraft p, Refs.Located s) {
        JsonNode value = s.node().get("pattern");
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            return null;
        }
        // Not stripped: whitespace in a regular expression is significant.
        String regex = value.asText();
        try {
            Pattern.compile(regex);
            return regex;
        } catch (PatternSyntaxException e) {
            // Specs use ECMA-262 regular expressions; the few Java cannot read are dropped rather than guessed at.
            warnings.warn(Pointers.child(s.pointer(), "pattern"), "the pattern of \"" + p.name
                    + "\" is not a regular expression Java can read (" + e.getDescription() + "); not kept");
            return null;
        }
    }
}
