package dev.falconharness.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Alert times as Falcon writes them: UTC, always with milliseconds ({@code 2026-10-12T08:15:02.417Z}), so
 * that every time has the same length and text order is time order (FQL ranges and sorts compare text).
 */
final class AlertTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AlertTimes() {
    }

    static String iso(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
