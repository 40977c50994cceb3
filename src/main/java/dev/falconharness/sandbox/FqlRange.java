package dev.falconharness.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * FQL's range comparisons ({@code last_seen:>'2026-01-01'}, {@code score:<=50}): numbers compare as
 * numbers; a bound with a time of day ({@code '2026-10-30T20:43:52+02:00'}, or without an offset, read as
 * UTC) compares as an instant against records' UTC times, whatever their offset or fraction of a second;
 * anything else compares as text, which orders ISO 8601 dates correctly, so a date is before every time on
 * that day, as the API reads {@code >'2026-01-01'}. A missing value never matches.
 */
final class FqlRange {
    private FqlRange() {
    }

    /** A test of a (lower-cased) record value against {@code bound} with operator {@code op}. */
    static Predicate<String> compare(String op, String bound) {
        BigDecimal number = number(bound);
        String time = number == null ? utcTime(bound) : null;
        return actual -> {
            if (actual == null || actual.isEmpty()) {
                return false;
            }
            BigDecimal value = number == null ? null : number(actual);
            int cmp = value != null ? value.compareTo(number) : time != null ? compareTime(actual, time, bound)
                    : actual.compareTo(bound);
            return switch (op) {
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                case "<" -> cmp < 0;
                default -> cmp <= 0;
            };
        };
    }

    /** A bound with a time of day as lower-case UTC ISO 8601 ({@code 2026-10-30t18:43:52z}), else null. */
    static String utcTime(String bound) {
        if (bound.length() <= 10 || bound.charAt(10) != 't') {
            return null;
        }
        Instant time = DateMath.time(bound);
        return time == null ? null : time.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * A record's value against a time bound: as instants when the value is a time (records keep UTC
     * {@code z} times, read without parsing; one with another offset or none is converted first), else as text.
     */
    private static int compareTime(String actual, String time, String bound) {
        if (isUtcTime(actual)) {
            return compareUtc(actual, time);
        }
        String utc = utcTime(actual);
        return utc != null ? compareUtc(utc, time) : actual.compareTo(bound);
    }

    /** {@code yyyy-mm-ddthh:mm:ss}, an optional fraction, then {@code z}: how records keep their times. */
    private static boolean isUtcTime(String text) {
        return text.length() >= 20 && text.charAt(10) == 't' && text.charAt(text.length() - 1) == 'z'
                && (text.charAt(19) == '.' || text.charAt(19) == 'z');
    }

    /** Two such times in time order: the seconds as text, then the fractions as numbers (none is 0). */
    private static int compareUtc(String a, String b) {
        for (int i = 0; i < 19; i++) {
            int d = a.charAt(i) - b.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        return Long.compare(nanos(a), nanos(b));
    }

    private static long nanos(String time) {
        long nanos = 0;
        int scale = 100_000_000;
        for (int i = 20; i < time.length() - 1 && scale > 0 && time.charAt(19) == '.'; i++, scale /= 10) {
            nanos += (time.charAt(i) - '0') * (long) scale;
        }
        return nanos;
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
