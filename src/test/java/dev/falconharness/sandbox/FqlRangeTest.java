package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Range bounds on times compare as instants, dates and numbers as before. */
class FqlRangeTest {
    private static final String ALERT = "2026-10-30t18:43:52.463z";

    private static boolean matches(String op, String bound, String value) {
        return FqlRange.compare(op, bound.toLowerCase(Locale.ROOT)).test(value);
    }

    @Test
    void aBoundWithAnOffsetIsTheSameInstantAsItsUtcTime() {
        assertTrue(matches(">=", "2026-10-30T20:43:52.463+02:00", ALERT));
        assertTrue(matches("<=", "2026-10-30T20:43:52.463+02:00", ALERT));
        assertFalse(matches(">", "2026-10-30T20:43:52.463+02:00", ALERT));
        assertFalse(matches("<", "2026-10-30T20:43:52.463+02:00", ALERT));
        assertTrue(matches("<", "2026-10-30T19:00:00Z", ALERT));
    }

    @Test
    void fractionsOfASecondOrderAsTimesNotAsText() {
        assertTrue(matches(">=", "2026-10-30T18:43:52Z", ALERT), "463 ms after the whole second");
        assertFalse(matches("<", "2026-10-30T18:43:52Z", ALERT));
        assertTrue(matches(">", "2026-10-30T18:43:52.4Z", ALERT));
        assertTrue(matches("<", "2026-10-30T18:43:52.463001Z", ALERT));
        assertTrue(matches(">", "2026-10-30T18:43:52.999Z", "2026-10-30t18:43:53z"));
    }

    @Test
    void aTimeWithoutAnOffsetIsUtcAndADateIsBeforeEveryTimeOnThatDay() {
        assertTrue(matches(">=", "2026-10-30T18:43:52.463", ALERT));
        assertTrue(matches(">", "2026-10-30", ALERT));
        assertFalse(matches("<=", "2026-10-30", ALERT));
        assertTrue(matches("<", "2026-10-31", ALERT));
    }

    @Test
    void numbersStillCompareAsNumbers() {
        assertTrue(matches(">", "9", "10"));
        assertFalse(matches(">", "10", "9"));
        assertFalse(matches(">", "1", ""));
    }

    @Test
    void aRecordTimeWithAnotherOffsetOrNoneIsReadAsAnInstant() {
        assertTrue(matches(">=", "2026-10-30T20:43:52+02:00", "2026-10-30t19:00:00+00:00"));
        assertTrue(matches(">=", "2026-10-30T18:43:52Z", "2026-10-30t18:43:52"));
        assertFalse(matches(">", "2026-10-30T18:43:52Z", "2026-10-30t18:43:52"));
    }
}
