package dev.falconharness.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bounds a Falcon aggregation's {@code date_ranges} take, as its datastore reads them: an RFC 3339
 * time with any offset ({@code 2026-10-01T08:00:00+02:00}; without one, UTC), a date ({@code 2026-10-01},
 * its start in UTC),
 * or date maths on the current time ({@code now}, {@code now-60d}, {@code now+1h}, {@code now-2w},
 * {@code now-1M}, {@code now-1y}; {@code /d} and the like round down). Stateless.
 */
final class DateMath {
    private static final Pattern NOW = Pattern.compile("now(?:([+-])(\\d{1,6})([smhdwMy]))?(?:/([smhdwMy]))?");
    private static final Map<String, ChronoUnit> UNITS = Map.of("s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES,
            "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS, "w", ChronoUnit.WEEKS, "M", ChronoUnit.MONTHS,
            "y", ChronoUnit.YEARS);

    private DateMath() {
    }

    /** The instant {@code text} names; a 400 naming {@code where} when it names none. */
    static Instant instant(String text, Instant now, String where) {
        String t = text.strip();
        Matcher m = NOW.matcher(t);
        if (m.matches()) {
            var at = now.atOffset(ZoneOffset.UTC);
            if (m.group(1) != null) {
                long amount = Long.parseLong(m.group(2));
                at = at.plus(m.group(1).equals("-") ? -amount : amount, UNITS.get(m.group(3)));
            }
            return m.group(4) == null ? at.toInstant() : roundDown(at, m.group(4));
        }
        Instant time = time(t);
        if (time != null) {
            return time;
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
            throw SandboxError.badRequest(where + ": \"" + text + "\" is not a time; write an RFC 3339 time"
                    + " (2026-10-01T08:00:00Z), a date (2026-10-01) or date maths (now-30d, now-1h, now/d)");
        }
    }

    /**
     * An RFC 3339 time of day, in either case ({@code 2026-10-01T08:00:00+02:00}; without an offset, UTC), as
     * an instant; null for anything else. FQL range bounds read times this way too.
     */
    static Instant time(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        try {
            return OffsetDateTime.parse(upper).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(upper).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notATime) {
                return null;
            }
        }
    }

    private static Instant roundDown(OffsetDateTime at, String unit) {
        return switch (unit) {
            case "y" -> at.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS).toInstant();
            case "M" -> at.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
            case "w" -> at.minusDays(at.getDayOfWeek().getValue() - 1L).truncatedTo(ChronoUnit.DAYS).toInstant();
            default -> at.truncatedTo(UNITS.get(unit)).toInstant();
        };
    }
}
