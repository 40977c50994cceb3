package dev.falconharness.sandbox;

import java.math.BigDecimal;
import java.util.function.Predicate;

/**
 * FQL's range comparisons ({@code last_seen:>'2026-01-01'}, {@code score:<=50}): numbers compare as
 * numbers; anything else compares as text, which orders ISO 8601 times correctly, so a date is before
 * every time on that day, as the API reads {@code >'2026-01-01'}. A missing value never matches.
 */
final class FqlRange {
    private FqlRange() {
    }

    /** A test of a (lower-cased) record value against {@code bound} with operator {@code op}. */
    static Predicate<String> compare(String op, String bound) {
        BigDecimal number = number(bound);
        return actual -> {
            if (actual == null || actual.isEmpty()) {
                return false;
            }
            BigDecimal value = number == null ? null : number(actual);
            int cmp = value != null ? value.compareTo(number) : actual.compareTo(bound);
            return switch (op) {
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                case "<" -> cmp < 0;
                default -> cmp <= 0;
            };
        };
    }

    /** {@code -?\d+(\.\d+)?} as a number, else null; checked by hand, as it runs once per record. */
    private static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        int i = text.startsWith("-") ? 1 : 0;
        int digits = digits(text, i);
        if (digits == 0) {
            return null;
        }
        i += digits;
        if (i < text.length() && (text.charAt(i) != '.' || digits(text, i + 1) != text.length() - i - 1
                || i + 1 == text.length())) {
            return null;
        }
        return new BigDecimal(text);
    }

    /** How many ASCII digits follow {@code from}. */
    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
