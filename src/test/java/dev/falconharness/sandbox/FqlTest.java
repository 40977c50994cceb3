package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The FQL subset, with no network. */
class FqlTest {
    private static final Set<String> FIELDS = Set.of("uid", "first_name", "last_name");
    private static final Map<String, String> ANA = Map.of("uid", "ana@example.com", "first_name", "Ana", "last_name", "Lima");
    private static final Map<String, String> BO = Map.of("uid", "bo@corp.test", "first_name", "Bo", "last_name", "Berg");

    private static boolean matches(String filter, Map<String, String> record) {
        Predicate<Map<String, String>> predicate = Fql.filter(filter, FIELDS);
        return predicate.test(record);
    }

    @Test
    void aQuotedValueMatchesExactlyIgnoringCase() {
        assertTrue(matches("uid:'ANA@example.com'", ANA));
        assertFalse(matches("uid:'ana@example'", ANA));
        assertTrue(matches("first_name:\"Bo\"", BO));
    }

    @Test
    void aBareValueWorksToo() {
        assertTrue(matches("first_name:ana", ANA));
    }

    @Test
    void plusIsAndCommaIsOrAndAndBindsTighter() {
        assertTrue(matches("first_name:'Ana'+last_name:'Lima'", ANA));
        assertFalse(matches("first_name:'Ana'+last_name:'Berg'", ANA));
        assertTrue(matches("first_name:'Zed'+last_name:'X',uid:'bo@corp.test'", BO));
    }

    @Test
    void aSpaceBetweenTermsIsAnAndBecauseAnUnencodedPlusArrivesAsOne() {
        assertTrue(matches("first_name:'Ana' last_name:'Lima'", ANA));
        assertFalse(matches("first_name:'Ana' last_name:'Berg'", ANA));
    }

    @Test
    void theWildcardOperatorMatchesPatterns() {
        assertTrue(matches("uid:*'*@example.com'", ANA));
        assertFalse(matches("uid:*'*@example.com'", BO));
        assertFalse(matches("uid:'*@example.com'", ANA), "without the operator a star is literal");
    }

    @Test
    void negationAndListsWork() {
        assertTrue(matches("first_name:!'Bo'", ANA));
        assertTrue(matches("first_name:['Bo', 'Ana']", ANA));
        assertFalse(matches("first_name:!['Bo','Ana']", ANA));
    }

    @Test
    void anUnknownFieldIsA400ListingTheKnownOnes() {
        SandboxError e = assertThrows(SandboxError.class, () -> Fql.filter("email:'x'", FIELDS));
        assertEquals(400, e.status());
        assertEquals("cannot filter on 'email'; this operation filters on first_name, last_name, uid", e.getMessage());
    }

    @Test
    void malformedFiltersAre400sWithThePosition() {
        assertTrue(assertThrows(SandboxError.class, () -> Fql.filter("uid:'open", FIELDS)).getMessage()
                .contains("at position 4: unclosed quote"));
        assertTrue(assertThrows(SandboxError.class, () -> Fql.filter("uid'x'", FIELDS)).getMessage()
                .contains("expected ':'"));
        assertTrue(assertThrows(SandboxError.class, () -> Fql.filter("uid:'a'+", FIELDS)).getMessage()
                .contains("expected a field name"));
    }

    @Test
    void sortingTakesPipeOrDotAndADirection() {
        List<Map<String, String>> records = new ArrayList<>(List.of(ANA, BO));
        records.sort(Fql.sort("last_name|asc", "uid|asc", FIELDS));
        assertEquals(BO, records.get(0));
        records.sort(Fql.sort("first_name.desc", "uid|asc", FIELDS));
        assertEquals(BO, records.get(0));
        records.sort(Fql.sort(null, "uid|asc", FIELDS));
        assertEquals(ANA, records.get(0));
    }

    @Test
    void nullFieldsSortFirstAndNeverMatchAValue() {
        Map<String, String> nameless = new HashMap<>(Map.of("uid", "zed@example.com"));
        nameless.put("first_name", null);
        List<Map<String, String>> records = new ArrayList<>(List.of(ANA, nameless));
        records.sort(Fql.sort("first_name|asc", "uid|asc", FIELDS));
        assertEquals(nameless, records.get(0));
        assertFalse(matches("first_name:'Zed'", nameless));
    }

    @Test
    void anUnknownSortIsA400() {
        assertEquals(400, assertThrows(SandboxError.class, () -> Fql.sort("age|asc", "uid|asc", FIELDS)).status());
        assertEquals(400, assertThrows(SandboxError.class, () -> Fql.sort("uid|up", "uid|asc", FIELDS)).status());
    }

    @Test
    void nestedFieldsSortWithTheDirectionSplitOffAtTheLastSeparator() {
        Set<String> nested = Set.of("device.hostname", "severity");
        Map<String, String> web = Map.of("device.hostname", "web-01", "severity", "90");
        Map<String, String> db = Map.of("device.hostname", "db-01", "severity", "100");
        List<Map<String, String>> records = new ArrayList<>(List.of(web, db));
        records.sort(Fql.sort("device.hostname.asc", null, nested));
        assertEquals(List.of(db, web), records);
        records.sort(Fql.sort("device.hostname|desc", null, nested));
        assertEquals(List.of(web, db), records);
        records.sort(Fql.sort("device.hostname", null, nested));
        assertEquals(List.of(db, web), records);
        assertEquals(400, assertThrows(SandboxError.class, () -> Fql.sort("device.asc", null, nested)).status());
    }

    @Test
    void wholeNumbersSortByValueAndBeforeText() {
        Set<String> fields = Set.of("severity");
        List<Map<String, String>> records = new ArrayList<>();
        for (String value : List.of("100", "9", "high", "20", "0")) {
            records.add(Map.of("severity", value));
        }
        records.sort(Fql.sort("severity|asc", null, fields));
        assertEquals(List.of("0", "9", "20", "100", "high"), records.stream().map(r -> r.get("severity")).toList());
    }
}
