package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calendar buckets of the alerts' date_histogram aggregation. */
class AlertHistogramTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AlertHistogram histogram(String interval, String zone) throws Exception {
        JsonNode spec = JSON.readTree("{\"interval\": \"" + interval + "\", \"time_zone\": \"" + zone + "\"}");
        return new AlertHistogram(spec, "[0]", "created_timestamp");
    }

    private static String start(String interval, String zone, String at) throws Exception {
        return histogram(interval, zone).start(Instant.parse(at)).toInstant().toString();
    }

    @Test
    void bucketsStartAtTheCalendarBoundaryOfTheInterval() throws Exception {
        String at = "2026-10-15T13:47:12.345Z"; // a Thursday
        assertEquals("2026-10-15T13:47:00Z", start("minute", "", at));
        assertEquals("2026-10-15T13:00:00Z", start("1h", "", at));
        assertEquals("2026-10-15T00:00:00Z", start("day", "", at));
        assertEquals("2026-10-12T00:00:00Z", start("week", "", at));
        assertEquals("2026-10-01T00:00:00Z", start("month", "", at));
        assertEquals("2026-10-01T00:00:00Z", start("quarter", "", at));
        assertEquals("2026-07-01T00:00:00Z", start("quarter", "", "2026-09-30T23:59:59Z"));
        assertEquals("2026-01-01T00:00:00Z", start("year", "", at));
    }

    @Test
    void aTimeZoneMovesTheDayBoundary() throws Exception {
        assertEquals("2026-10-14T22:00:00Z", start("day", "Europe/Berlin", "2026-10-15T01:00:00Z"));
        assertEquals("2026-10-15T05:00:00Z", start("day", "-05:00", "2026-10-16T01:00:00Z"));
    }

    @Test
    void emptyDaysBetweenTheFirstAndLastAlertAreBucketsOfZero() throws Exception {
        List<Map<String, String>> alerts = List.of(Map.of("created_timestamp", "2026-10-01T10:00:00.000Z"),
                Map.of("created_timestamp", "2026-10-03T10:00:00.000Z"),
                Map.of("created_timestamp", "2026-10-03T11:00:00.000Z"));
        Map<String, Object> result = histogram("day", "").result("per_day", alerts);
        List<?> buckets = (List<?>) result.get("buckets");
        assertEquals(3, buckets.size());
        assertEquals(List.of(1L, 0L, 2L), buckets.stream().map(b -> ((Map<?, ?>) b).get("count")).toList());
        assertEquals("2026-10-02T00:00:00.000Z", ((Map<?, ?>) buckets.get(1)).get("key_as_string"));
        assertEquals(Instant.parse("2026-10-02T00:00:00Z").toEpochMilli(), ((Map<?, ?>) buckets.get(1)).get("label"));
    }

    @Test
    void anUnknownIntervalOrZoneIsRefusedNamingTheChoices() {
        SandboxError interval = assertThrows(SandboxError.class, () -> histogram("fortnight", ""));
        assertEquals("[0].interval of a date_histogram must be year, quarter, month, week, day, hour or minute, got"
                + " \"fortnight\"", interval.getMessage());
        SandboxError zone = assertThrows(SandboxError.class, () -> histogram("day", "Mars/Olympus"));
        assertEquals(400, zone.status());
    }

    @Test
    void aSpanNeedingTooManyBucketsIsRefusedUnlessEmptyOnesAreLeftOut() throws Exception {
        List<Map<String, String>> alerts = List.of(Map.of("created_timestamp", "2024-10-01T10:00:00.000Z"),
                Map.of("created_timestamp", "2026-10-03T10:00:00.000Z"));
        SandboxError e = assertThrows(SandboxError.class, () -> histogram("minute", "").result("m", alerts));
        assertEquals(400, e.status());
        assertEquals(true, e.getMessage().contains("more than 10000 buckets"), e.getMessage());
        JsonNode spec = JSON.readTree("{\"interval\": \"minute\", \"min_doc_count\": 1}");
        Map<String, Object> occupied = new AlertHistogram(spec, "[0]", "created_timestamp").result("m", alerts);
        assertEquals(2, ((List<?>) occupied.get("buckets")).size());
    }

    @Test
    void dailyBucketsStayOnMidnightInAZoneWhoseClocksSkipIt() throws Exception {
        // Cuba moves its clocks from 00:00 to 01:00 on 2026-03-08: that day starts at 01:00.
        List<Map<String, String>> alerts = List.of(Map.of("created_timestamp", "2026-03-07T12:00:00.000Z"),
                Map.of("created_timestamp", "2026-03-08T12:00:00.000Z"),
                Map.of("created_timestamp", "2026-03-09T12:00:00.000Z"));
        Map<String, Object> result = histogram("day", "America/Havana").result("d", alerts);
        List<?> buckets = (List<?>) result.get("buckets");
        assertEquals(3, buckets.size(), buckets.toString());
        for (Object bucket : buckets) {
            assertEquals(1L, ((Map<?, ?>) bucket).get("count"), buckets.toString());
        }
    }

    @Test
    void aMidnightThatComesTwiceIsStillOneDayAndOneMonth() throws Exception {
        // Cuba moves its clocks from 01:00 back to 00:00 on 2026-11-01: that day's midnight comes twice.
        List<Map<String, String>> alerts = List.of(Map.of("created_timestamp", "2026-11-01T04:30:00.000Z"),
                Map.of("created_timestamp", "2026-11-01T05:30:00.000Z"),
                Map.of("created_timestamp", "2026-11-01T12:00:00.000Z"),
                Map.of("created_timestamp", "2026-11-02T12:00:00.000Z"),
                Map.of("created_timestamp", "2026-10-31T12:00:00.000Z"));
        for (String interval : List.of("day", "month", "week", "year")) {
            List<?> buckets = (List<?>) histogram(interval, "America/Havana").result("x", alerts).get("buckets");
            long total = buckets.stream().mapToLong(b -> (Long) ((Map<?, ?>) b).get("count")).sum();
            assertEquals(5, total, interval + ": " + buckets);
        }
        List<?> days = (List<?>) histogram("day", "America/Havana").result("x", alerts).get("buckets");
        assertEquals(3, days.size(), days.toString());
    }

    @Test
    void hoursAcrossAHalfHourFallBackAdvance() throws Exception {
        // Lord Howe Island moves its clocks from 02:00 back to 01:30 on 2026-04-05.
        List<Map<String, String>> alerts = List.of(Map.of("created_timestamp", "2026-04-04T13:30:00.000Z"),
                Map.of("created_timestamp", "2026-04-04T16:30:00.000Z"));
        List<?> buckets = (List<?>) histogram("hour", "Australia/Lord_Howe").result("h", alerts).get("buckets");
        assertEquals(2L, buckets.stream().mapToLong(b -> (Long) ((Map<?, ?>) b).get("count")).sum(), buckets.toString());
        assertEquals(true, buckets.size() <= 5, buckets.toString());
    }
}
