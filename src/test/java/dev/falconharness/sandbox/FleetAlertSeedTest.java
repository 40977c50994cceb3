package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Alerts read from seed-file records: what a good record becomes, and every problem of a bad one. */
class FleetAlertSeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Fleet fleet = new Fleet(1, 20, FalconSandbox.CUSTOMER_ID, Clock.systemUTC(), FleetSeed.GENERATED);
    private final String hostId = hostOn("Windows");
    private final Function<String, Map<String, String>> hosts = id -> {
        FleetHost host = fleet.host(id, false);
        return host == null ? null : host.fields();
    };
    private final List<String> problems = new ArrayList<>();

    private String hostOn(String platform) {
        return fleet.ids().stream().filter(id -> platform.equals(fleet.host(id, false).fields().get("platform_name")))
                .findFirst().orElseThrow();
    }

    private FleetAlert read(String json, int index) throws Exception {
        return FleetAlert.fromSeed(JSON.readTree(json), "$.alerts[" + index + "]", problems, FalconSandbox.CUSTOMER_ID,
                hosts, index);
    }

    @Test
    void aGoodRecordBecomesAnAlertOnItsHostWithTheStateItSets() throws Exception {
        FleetAlert alert = read("{\"device_id\": \"" + hostId + "\", \"pattern_id\": 10197, \"severity\": 92,"
                + " \"status\": \"in_progress\", \"created_timestamp\": \"2026-10-20T08:00:00Z\","
                + " \"updated_timestamp\": \"2026-10-20T09:30:00Z\", \"assigned_to_name\": \"Ana Analyst\","
                + " \"tags\": [\"ticket/INC-1234\"], \"comments\": [\"Escalated to IR\"], \"show_in_ui\": false}", 0);
        assertEquals(List.of(), problems);
        assertNotNull(alert);
        Map<String, String> f = alert.fields();
        assertTrue(alert.compositeId().startsWith(FalconSandbox.CUSTOMER_ID + ":ind:" + hostId + ":"), alert.compositeId());
        assertEquals(hosts.apply(hostId).get("hostname"), f.get("device.hostname"));
        assertEquals("92", f.get("severity"));
        assertEquals("Critical", f.get("severity_name"));
        assertEquals("Credential Access", f.get("tactic"));
        assertEquals("in_progress", f.get("status"));
        assertEquals("2026-10-20T08:00:00.000Z", f.get("created_timestamp"));
        assertEquals("2026-10-20T09:30:00.000Z", f.get("updated_timestamp"));
        assertEquals("5400", f.get("seconds_to_triaged"));
        assertEquals("Ana Analyst", f.get("assigned_to_name"));
        assertEquals("false", f.get("show_in_ui"));
        assertEquals("Escalated to IR", alert.comments().get(0).value());
        assertEquals(List.of("ticket/INC-1234"), alert.tags());
    }

    @Test
    void onlyTheRequiredFieldsAreNeededAndTheRestHasDefaults() throws Exception {
        FleetAlert alert = read("{\"device_id\": \"" + hostOn("Linux") + "\", \"pattern_id\": 30215}", 4);
        assertEquals(List.of(), problems);
        assertEquals("new", alert.status());
        assertEquals("", alert.fields().get("assigned_to_uid"));
        assertEquals("true", alert.fields().get("show_in_ui"));
    }

    @Test
    void everyProblemOfABadRecordIsReportedWithItsPathAndTheFix() throws Exception {
        assertNull(read("{\"device_id\": \"nosuchhost\", \"pattern_id\": 1, \"severity\": 101, \"status\": \"open\","
                + " \"created_timestamp\": \"yesterday\", \"tags\": [\"\"], \"show_in_ui\": \"yes\", \"colour\": 1}", 7));
        String all = String.join("\n", problems);
        assertEquals(8, problems.size(), all);
        assertTrue(all.contains("$.alerts[7].device_id: no host of the fleet has the ID \"nosuchhost\""), all);
        assertTrue(all.contains("$.alerts[7].pattern_id: unknown pattern 1; one of 10197 (CredentialDumpingLsass)"), all);
        assertTrue(all.contains("$.alerts[7].severity: expected a whole number from 1 to 100, got 101"), all);
        assertTrue(all.contains("$.alerts[7].status: expected one of new, in_progress, closed, reopened"), all);
        assertTrue(all.contains("$.alerts[7].created_timestamp: expected an ISO-8601 instant"), all);
        assertTrue(all.contains("$.alerts[7].tags[0]: expected a non-empty string"), all);
        assertTrue(all.contains("$.alerts[7].show_in_ui: expected true or false"), all);
        assertTrue(all.contains("$.alerts[7].colour: unknown field; allowed: assigned_to_name"), all);
    }

    @Test
    void missingRequiredFieldsAndUpdatesBeforeCreationAreProblems() throws Exception {
        assertNull(read("{\"created_timestamp\": \"2026-10-20T08:00:00Z\", \"updated_timestamp\": \"2026-10-19T08:00:00Z\"}", 1));
        assertEquals(List.of("$.alerts[1].device_id: required",
                "$.alerts[1].pattern_id: required; one of " + String.join(", ",
                        AlertPattern.CATALOGUE.stream().map(p -> p.patternId() + " (" + p.name() + ")").toList()),
                "$.alerts[1].updated_timestamp: is before created_timestamp; an alert is updated after it is created"),
                problems);
        assertNull(read("[1]", 2));
        assertTrue(problems.get(3).startsWith("$.alerts[2]: expected an object"), problems.toString());
    }

    @Test
    void theStoreTakesSeededAlertsAndRefusesTwoWithOneCompositeId() throws Exception {
        JsonNode record = JSON.readTree("{\"device_id\": \"" + hostId + "\", \"pattern_id\": 10305}");
        FleetAlert first = FleetAlert.fromSeed(record, "$.alerts[0]", problems, FalconSandbox.CUSTOMER_ID, hosts, 0);
        FleetAlert second = FleetAlert.fromSeed(record, "$.alerts[1]", problems, FalconSandbox.CUSTOMER_ID, hosts, 1);
        Alerts store = new Alerts(List.of(first, second));
        assertEquals(2, store.size());
        assertEquals(first, store.get(first.compositeId()));
        FleetAlert again = FleetAlert.fromSeed(record, "$.alerts[2]", problems, FalconSandbox.CUSTOMER_ID, hosts, 0);
        assertThrows(IllegalArgumentException.class, () -> new Alerts(List.of(first, again)));
    }

    @Test
    void aPatternOfAnotherPlatformIsAProblemNamingTheOnesThatFit() throws Exception {
        assertNull(read("{\"device_id\": \"" + hostOn("Mac") + "\", \"pattern_id\": 10197}", 3));
        assertEquals(List.of("$.alerts[3].pattern_id: 10197 (CredentialDumpingLsass) is not a detection on Mac hosts;"
                + " use one of 20110, 30310"), problems);
    }
}
