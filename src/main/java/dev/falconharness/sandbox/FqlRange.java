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

    private static BigDecimal number(String text) {
        if (text == null || !text.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(text);
    }
}
