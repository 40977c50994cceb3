package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bounds date_range aggregations take. */
class DateMathTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:34:56Z");

    private static String read(String text) {
        return DateMath.instant(text, NOW, "[0].from").toString();
    }

    @Test
    void timesWithOrWithoutAnOffsetDatesAndDateMaths() {
        assertEquals("2026-10-01T06:00:00Z", read("2026-10-01T08:00:00+02:00"));
        assertEquals("2026-10-01T08:00:00Z", read("2026-10-01T08:00:00"));
        assertEquals("2026-10-01T08:00:00Z", read("2026-10-01t08:00:00"));
        assertEquals("2026-10-01T00:00:00Z", read("2026-10-01"));
        assertEquals("2026-10-01T12:34:56Z", read("now-60d"));
        assertEquals("2026-11-30T13:34:56Z", read("now+1h"));
        assertEquals("2026-11-30T00:00:00Z", read("now/d"));
        assertEquals("2026-11-01T00:00:00Z", read("now/M"));
        assertEquals(400, assertThrows(SandboxError.class, () -> read("last tuesday")).status());
    }
}
