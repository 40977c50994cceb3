package dev.falconharness.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.http.Redaction;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Turns call arguments into the strings that go on the wire, checking each against its parameter's
 * type and constraints. A problem is recorded and {@code null} returned; the caller goes on, so one
 * call reports every problem.
 */
final class Values {
    private Values() {
    }

    /**
     * The values of an array parameter: a collection, an array, or a comma-separated string (the
     * seed's {@code 'ID1,ID2,ID3'}; pass a list to keep commas inside a value). A single scalar is a
     * list of one.
     */
    static List<String> list(Parameter p, Object value, Problems problems) {
        List<?> items = items(value);
        if (items == null) {
            problems.add(p, "expected a list of " + p.itemType() + " values, got " + describe(p, value));
            return null;
        }
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            String s = item == null ? null : scalar(p, p.itemType(), item, problems);
            if (item == null) {
                problems.add(p, "the list contains a null element");
            } else if (s != null) {
                strings.add(s);
            }
        }
        checkCount(p, strings, problems);
        return strings;
    }

    /**
     * An array argument's elements: a collection, an array (object, int or long), a Jackson array, a
     * comma-separated string, or a single scalar as a list of one; null when the value is none of these.
     */
    static List<?> items(Object value) {
        if (value instanceof CharSequence text) {
            return splitCommas(text.toString());
        }
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Object[] array) {
            return List.of(array);
        }
        if (value instanceof JsonNode node && node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(list::add);
            return list;
        }
        if (value instanceof int[] || value instanceof long[]) {
            return primitiveList(value);
        }
        return isScalarValue(value) ? List.of(value) : null;
    }

    private static List<Object> primitiveList(Object array) {
        List<Object> list = new ArrayList<>();
        if (array instanceof int[] ints) {
            for (int i : ints) {
                list.add(i);
            }
        } else {
            for (long l : (long[]) array) {
                list.add(l);
            }
        }
        return list;
    }

    private static List<String> splitCommas(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            String part = text.substring(start, end).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            start = end + 1;
        }
        return parts;
    }

    private static void checkCount(Parameter p, List<String> strings, Problems problems) {
        if (p.maxItems() != null && strings.size() > p.maxItems()) {
            problems.add(p, "too many items: " + strings.size() + " given, at most " + p.maxItems()
                    + " allowed; split the call into batches (Harness.commandBatched does that for you)");
        }
        if (p.minItems() != null && strings.size() < p.minItems()) {
            problems.add(p, "too few items: " + strings.size() + " given, at least " + p.minItems() + " needed");
        }
        if (p.required() && strings.isEmpty()) {
            problems.add(p, "required, but the list is empty");
        }
        if (p.uniqueItems() && new HashSet<>(strings).size() < strings.size()) {
            problems.add(p, "items must be unique, but the list repeats a value");
        }
    }

    /** One value as its wire string, checked against {@code type} and the parameter's constraints. */
    static String scalar(Parameter p, ParamType type, Object value, Problems problems) {
        if (value instanceof JsonNode node) {
            value = node.isNumber() ? node.numberValue() : node.isBoolean() ? (Object) node.booleanValue()
                    : node.isTextual() ? node.textValue() : node;
        }
        if (!isScalarValue(value)) {
            problems.add(p, "expected " + article(type) + " value, got " + describe(p, value));
            return null;
        }
        String text = switch (type) {
            case INTEGER -> integer(p, value, problems);
            case NUMBER -> number(p, value, problems);
            case BOOLEAN -> bool(p, value, problems);
            default -> value instanceof Enum<?> e ? e.name() : value.toString();
        };
        return text != null && constraintsHold(p, type, text, problems) ? text : null;
    }

    private static boolean isScalarValue(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof UUID
                || value instanceof TemporalAccessor;
    }

    private static String integer(Parameter p, Object value, Problems problems) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        try {
            return new BigDecimal(value.toString().strip()).toBigIntegerExact().toString();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(p, "expected an integer, got " + describe(p, value));
            return null;
        }
    }

    private static String number(Parameter p, Object value, Problems problems) {
        if (value instanceof Number && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            return value.toString();
        }
        try {
            return new BigDecimal(value.toString().strip()).toString();
        } catch (NumberFormatException e) {
            problems.add(p, "expected a number, got " + describe(p, value));
            return null;
        }
    }

    private static String bool(Parameter p, Object value, Problems problems) {
        if (value instanceof Boolean b) {
            return b.toString();
        }
        String text = value.toString().strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.toLowerCase(java.util.Locale.ROOT);
        }
        problems.add(p, "expected true or false, got " + describe(p, value));
        return null;
    }

    private static boolean constraintsHold(Parameter p, ParamType type, String text, Problems problems) {
        boolean ok = true;
        if (!p.enumValues().isEmpty() && !p.enumValues().contains(text) && !SortExpressions.allows(p, text)) {
            problems.add(p, quoted(p, text) + " is not one of the allowed values: " + String.join(", ", p.enumValues())
                    + (SortExpressions.listsFields(p) ? " (each may end in .asc, .desc, |asc or |desc)" : ""));
            ok = false;
        }
        if (!inRange(p, type, text, problems)) {
            ok = false;
        }
        if (type == ParamType.STRING && !lengthFits(p, text, problems)) {
            ok = false;
        }
        if (p.pattern() != null && !p.pattern().matcher(text).find()) {
            problems.add(p, quoted(p, text) + " does not match the pattern " + p.pattern().pattern());
            ok = false;
        }
        return ok;
    }

    /** Strings with a range are checked only when they hold a number (a scroll token is not one). */
    private static boolean inRange(Parameter p, ParamType type, String text, Problems problems) {
        if ((p.minimum() == null && p.maximum() == null) || type == ParamType.BOOLEAN) {
            return true;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return true;
        }
        if ((p.minimum() != null && n.compareTo(p.minimum()) < 0) || (p.maximum() != null && n.compareTo(p.maximum()) > 0)) {
            problems.add(p, quoted(p, text) + " is out of range; allowed: " + range(p));
            return false;
        }
        return true;
    }

    private static String range(Parameter p) {
        if (p.minimum() != null && p.maximum() != null) {
            return p.minimum().toPlainString() + " to " + p.maximum().toPlainString();
        }
        return p.minimum() != null ? "at least " + p.minimum().toPlainString() : "at most " + p.maximum().toPlainString();
    }

    private static boolean lengthFits(Parameter p, String text, Problems problems) {
        int length = text.codePointCount(0, text.length());
        if (p.maxLength() != null && length > p.maxLength()) {
            problems.add(p, "too long: " + length + " characters, at most " + p.maxLength() + " allowed");
            return false;
        }
        if (p.minLength() != null && length < p.minLength()) {
            problems.add(p, "too short: " + length + " characters, at least " + p.minLength() + " needed");
            return false;
        }
        return true;
    }

    private static String article(ParamType type) {
        return type == ParamType.INTEGER ? "an integer" : "a " + type;
    }

    /** The value for a message, masked when the parameter's name says it holds a secret. */
    private static String quoted(Parameter p, String text) {
        return Redaction.isSecretName(p.name()) ? Redaction.MASK : "\"" + text + "\"";
    }

    private static String describe(Parameter p, Object value) {
        return Redaction.isSecretName(p.name()) && value != null ? "a " + value.getClass().getSimpleName() + " value "
                + Redaction.MASK : describe(value);
    }

    /** A short description of an argument for messages: its type and, for short scalars, its value. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence text) {
            String s = text.toString();
            return "\"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"";
        }
        if (value instanceof Collection<?> c) {
            return "a list of " + c.size();
        }
        if (value instanceof java.util.Map<?, ?> m) {
            return "a map of " + m.size() + " entries";
        }
        return isScalarValue(value) ? value + " (" + value.getClass().getSimpleName() + ")"
                : "a " + value.getClass().getSimpleName();
    }
}
