package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code date_histogram} aggregation over a time field of the alerts: calendar buckets of one
 * {@code interval} (year, quarter, month, week starting Monday, day, hour, minute; also {@code 1d},
 * {@code 1M}...) in {@code time_zone} (default UTC), from the first alert's bucket to the last one's, empty
 * buckets included unless {@code min_doc_count} asks for more; a span that would need more than
 * {@value #MAX_BUCKETS} buckets is a 400 (as the datastore caps them), naming a coarser interval. Each bucket's {@code label} is its start in
 * epoch milliseconds and {@code key_as_string} the same start as text, as the API's datastore writes them.
 */
final class AlertHistogram {
    /** The most buckets one histogram makes (empty ones included). */
    static final int MAX_BUCKETS = 10_000;
    private static final Map<String, ChronoUnit> INTERVALS = Map.ofEntries(
            Map.entry("year", ChronoUnit.YEARS), Map.entry("1y", ChronoUnit.YEARS),
            Map.entry("quarter", ChronoUnit.MONTHS), Map.entry("1q", ChronoUnit.MONTHS),
            Map.entry("month", ChronoUnit.MONTHS), Map.entry("1M", ChronoUnit.MONTHS),
            Map.entry("week", ChronoUnit.WEEKS), Map.entry("1w", ChronoUnit.WEEKS),
            Map.entry("day", ChronoUnit.DAYS), Map.entry("1d", ChronoUnit.DAYS),
            Map.entry("hour", ChronoUnit.HOURS), Map.entry("1h", ChronoUnit.HOURS),
            Map.entry("minute", ChronoUnit.MINUTES), Map.entry("1m", ChronoUnit.MINUTES));
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final String field;
    private final String interval;
    private final ChronoUnit unit;
    private final ZoneId zone;
    private final long minDocCount;

    AlertHistogram(JsonNode spec, String where, String field) {
        this.field = field;
        this.interval = AlertAggregates.text(spec, "interval");
        this.unit = INTERVALS.get(interval);
        if (unit == null) {
            throw SandboxError.badRequest(where + ".interval of a date_histogram must be year, quarter, month, week, day,"
                    + " hour or minute, got \"" + interval + "\"");
        }
        this.zone = zone(AlertAggregates.text(spec, "time_zone"), where);
        this.minDocCount = spec.path("min_doc_count").asLong(0);
    }

    private static ZoneId zone(String text, String where) {
        try {
            return text.isEmpty() ? ZoneOffset.UTC : ZoneId.of(text);
        } catch (DateTimeException e) {
            throw SandboxError.badRequest(where + ".time_zone must be a zone such as UTC, Europe/Berlin or -05:00, got \""
                    + text + "\"");
        }
    }

    Map<String, Object> result(String name, List<Map<String, String>> alerts) {
        TreeMap<ZonedDateTime, Long> counts = new TreeMap<>();
        for (Map<String, String> alert : alerts) {
            String value = alert.get(field);
            if (value != null && !value.isEmpty()) {
                counts.merge(start(parse(value)), 1L, Long::sum);
            }
        }
        List<Object> buckets = new ArrayList<>();
        if (minDocCount > 0) {
            // Empty buckets are left out: only the occupied ones, at most one per alert.
            counts.forEach((at, count) -> {
                if (count >= minDocCount) {
                    buckets.add(bucket(at, count));
                }
            });
        } else if (!counts.isEmpty()) {
            for (ZonedDateTime at = counts.firstKey(); !at.isAfter(counts.lastKey()); at = next(at)) {
                if (buckets.size() == MAX_BUCKETS) {
                    throw SandboxError.badRequest("aggregation \"" + name + "\" would make more than " + MAX_BUCKETS
                            + " buckets (" + field + " from " + KEY.format(counts.firstKey()) + " to "
                            + KEY.format(counts.lastKey()) + " by " + interval + "); use a coarser interval, a narrower"
                            + " filter, or min_doc_count 1 to leave out the empty ones");
                }
                buckets.add(bucket(at, counts.getOrDefault(at, 0L)));
            }
        }
        return AlertAggregates.result(name, buckets, 0);
    }

    private static Map<String, Object> bucket(ZonedDateTime at, long count) {
        Map<String, Object> bucket = AlertAggregates.labelled(at.toInstant().toEpochMilli(), count);
        bucket.put("key_as_string", KEY.format(at));
        return bucket;
    }

    private static Instant parse(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("alert time \"" + value + "\" is not ISO-8601", e);
        }
    }

    /**
     * The start of the calendar bucket holding {@code instant}. Days and longer start at the first moment of
     * their first local date ({@code atStartOfDay}), so a midnight that comes twice (clocks going back) or
     * not at all (clocks skipping it) still gives one start per day.
     */
    ZonedDateTime start(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        LocalDate day = t.toLocalDate();
        return switch (unit) {
            case MINUTES, HOURS -> t.truncatedTo(unit);
            case DAYS -> day.atStartOfDay(zone);
            case WEEKS -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
            case MONTHS -> {
                LocalDate month = day.withDayOfMonth(1);
                yield (quarter() ? month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1) : month).atStartOfDay(zone);
            }
            default -> day.withDayOfYear(1).atStartOfDay(zone);
        };
    }

    /**
     * The start of the bucket after the one starting at {@code start}: the bucket start of a moment one
     * interval on, so that a day that began at 01:00 does not shift every later bucket off its boundary;
     * where clocks going back half an hour land that moment in the same bucket again, a further step.
     */
    private ZonedDateTime next(ZonedDateTime start) {
        ZonedDateTime step = start;
        ZonedDateTime next;
        do {
            step = quarter() ? step.plusMonths(3) : step.plus(1, unit);
            next = start(step.toInstant());
        } while (!next.isAfter(start));
        return next;
    }

    private boolean quarter() {
        return interval.equals("quarter") || interval.equals("1q");
    }
}
