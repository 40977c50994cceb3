package dev.falconharness.paging;

import dev.falconharness.ValidationException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads the {@code limit} and {@code offset} paging itself must understand, refusing what is not a whole
 * number with the same {@link ValidationException} a call would give, before anything is sent.
 */
final class PageArguments {
    private PageArguments() {
    }

    /**
     * The value as a whole number within {@code min..max}.
     *
     * @param location where the argument travels ({@code query} or {@code body}), for the message
     * @throws ValidationException naming the parameter and what to pass
     */
    static long whole(String operationId, String name, String location, Object value, long min, long max) {
        long n;
        try {
            n = new BigDecimal(value.toString().strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(operationId, name, location, "expected an integer, got " + quoted(value)
                    + "; pass a whole number such as " + Math.max(min, 100));
        }
        if (n < min || n > max) {
            throw invalid(operationId, name, location, "must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    private static String quoted(Object value) {
        String text = value.toString();
        return value instanceof CharSequence ? "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\""
                : "a " + value.getClass().getSimpleName() + " " + text;
    }

    private static ValidationException invalid(String operationId, String name, String location, String message) {
        return new ValidationException(operationId, List.of(new ValidationException.Problem(name, location, message)));
    }
}
