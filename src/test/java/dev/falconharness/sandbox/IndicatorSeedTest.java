package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Indicator#fromSeed}: one indicator of a seed file, checked as create checks one. */
class IndicatorSeedTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ID = "ab".repeat(32);
    private static final String GROUP = "0123456789abcdef0123456789abcdef";

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWellFormedRecordBecomesAnIndicatorWithItsDefaultsFilledIn() {
        List<String> problems = new ArrayList<>();
        Indicator indicator = Indicator.fromSeed(json("{'id': '" + ID + "', 'type': 'domain', 'value': 'Old.Example.COM',"
                + " 'action': 'detect', 'severity': 'High', 'platforms': ['Windows', 'mac'], 'applied_globally': false,"
                + " 'host_groups': ['" + GROUP + "'], 'tags': ['seeded'], 'expiration': '2026-01-01T00:00:00+01:00'}"),
                "$.indicators[0]", problems, Set.of(GROUP), null);
        assertEquals(List.of(), problems);
        assertEquals("old.example.com", indicator.value);
        assertEquals("high", indicator.severity);
        assertEquals(List.of("windows", "mac"), indicator.platforms);
        assertEquals("2025-12-31T23:00:00Z", indicator.expiration, "stored in UTC");
        assertTrue(indicator.expired(Instant.parse("2026-06-01T00:00:00Z")), "a seed may hold an expired indicator");
        assertEquals(Indicators.SEED_AUTHOR, indicator.createdBy);
        assertEquals(Fleet.REFERENCE.toString(), indicator.createdOn);
        assertEquals(indicator.createdOn, indicator.modifiedOn);
    }

    @Test
    void everyProblemIsNamedByItsPathAndTheRecordIsRefused() {
        List<String> problems = new ArrayList<>();
        Indicator indicator = Indicator.fromSeed(json("{'id': 'XYZ', 'type': 'ipv4', 'value': '10.0.0.256',"
                + " 'action': 'prevent', 'platforms': ['beos'], 'applied_globally': 'yes', 'colour': 'red',"
                + " 'created_on': 'yesterday'}"), "$.indicators[3]", problems, Set.of(GROUP), null);
        assertNull(indicator);
        String all = String.join("\n", problems);
        for (String expected : List.of("$.indicators[3].colour: unknown field; allowed:",
                "$.indicators[3].id: expected 64 lower-case hexadecimal digits", "$.indicators[3].value: \"10.0.0.256\""
                + " is not an IPv4 address", "$.indicators[3].action: ipv4 indicators cannot prevent",
                "$.indicators[3].severity: required when the action is prevent",
                "$.indicators[3].platforms: \"beos\" is not a platform",
                "$.indicators[3].applied_globally: expected true or false, got \"yes\"",
                "$.indicators[3].created_on: expected an RFC 3339 time")) {
            assertTrue(all.contains(expected), "missing \"" + expected + "\" in\n" + all);
        }
    }

    @Test
    void aRecordThatIsNotAnObjectOrNamesAnUnknownGroupIsRefused() {
        List<String> problems = new ArrayList<>();
        assertNull(Indicator.fromSeed(json("['not', 'an', 'object']"), "$.indicators[0]", problems, Set.of(), null));
        assertNull(Indicator.fromSeed(json("{'id': '" + ID + "', 'type': 'md5', 'value': '" + "0".repeat(32) + "',"
                + " 'action': 'allow', 'platforms': ['linux'], 'applied_globally': false, 'host_groups': ['nope']}"),
                "$.indicators[1]", problems, Set.of(GROUP), null));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("$.indicators[0]: expected an object"), problems.get(0));
        assertTrue(problems.get(1).startsWith("$.indicators[1].host_groups: no host group has ID \"nope\""), problems.get(1));
    }
}
