package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * FQL the sandbox cannot be hurt by: wildcards matched in linear time, long and deep filters refused with a
 * 400. The time bounds are generous caps against catastrophic cost (minutes before), not measurements.
 */
class FqlLimitsTest {
    private static final Set<String> FIELDS = Set.of("uid");
    private static final Duration CAP = Duration.ofSeconds(10);

    private static boolean glob(String pattern, String text) {
        return Fql.globMatches(pattern.split("\\*", -1), text);
    }

    @Test
    void globsMatchAsStarMeansAnyRun() {
        assertTrue(glob("*", ""));
        assertTrue(glob("a*", "abc"));
        assertTrue(glob("*c", "abc"));
        assertTrue(glob("a*c", "ac"));
        assertTrue(glob("*b*", "abc"));
        assertTrue(glob("a*b*b", "abbb"));
        assertTrue(glob("**a**", "a"));
        assertFalse(glob("a*a", "a"));
        assertFalse(glob("abc", "abcd"));
        assertFalse(glob("*x*", "abc"));
        assertFalse(glob("a*b*c", "acb"));
    }

    @Test
    void aBacktrackingWildcardFilterIsAnsweredAtOnce() {
        String filter = "uid:*'*" + "a*".repeat(2_000) + "b'";
        Map<String, String> record = Map.of("uid", "a".repeat(10_000));
        boolean matched = assertTimeoutPreemptively(CAP, () -> Fql.filter(filter, FIELDS).test(record));
        assertFalse(matched);
        assertTrue(Fql.filter(filter, FIELDS).test(Map.of("uid", "a".repeat(2_000) + "b")));
    }

    @Test
    void aTenThousandTermFilterIsA400NotAStackOverflow() {
        String filter = String.join("+", java.util.Collections.nCopies(10_000, "uid:'a'"));
        SandboxError error = assertThrows(SandboxError.class, () -> Fql.filter(filter, FIELDS));
        assertEquals(400, error.reply().status());
    }

    @Test
    void oneTermMoreThanTheLimitIsA400SayingHowManyAreRead() {
        String filter = String.join("+", java.util.Collections.nCopies(Fql.MAX_TERMS + 1, "uid:'a'"));
        SandboxError error = assertThrows(SandboxError.class, () -> Fql.filter(filter, FIELDS));
        assertTrue(error.getMessage().contains("at most " + Fql.MAX_TERMS), error.getMessage());
    }

    @Test
    void theMostTermsAllowedStillEvaluateWithoutDeepeningTheStack() {
        String filter = String.join(",", java.util.Collections.nCopies(Fql.MAX_TERMS, "uid:'a'"));
        assertTrue(Fql.filter(filter, FIELDS).test(Map.of("uid", "a")));
        assertFalse(Fql.filter(filter, FIELDS).test(Map.of("uid", "b")));
    }

    @Test
    void parenthesesGroupAndNestOnlySoDeep() {
        assertTrue(Fql.filter("(uid:'a',uid:'b')+uid:*'*'", FIELDS).test(Map.of("uid", "b")));
        String deep = "(".repeat(Fql.MAX_DEPTH + 1) + "uid:'a'" + ")".repeat(Fql.MAX_DEPTH + 1);
        SandboxError error = assertThrows(SandboxError.class, () -> Fql.filter(deep, FIELDS));
        assertTrue(error.getMessage().contains("deeper"), error.getMessage());
    }

    @Test
    void anOverlongFilterIsA400() {
        String filter = "uid:'" + "a".repeat(Fql.MAX_LENGTH) + "'";
        SandboxError error = assertThrows(SandboxError.class, () -> Fql.filter(filter, FIELDS));
        assertTrue(error.getMessage().contains("characters long"), error.getMessage());
    }
}
