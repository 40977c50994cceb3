package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The fast paths beside FQL's map API (records that keep lower-cased values, sort keys) give the same answers. */
class FqlRecordTest {
    private static final List<String> NAMES = List.of("name", "tags", "score", "seen");
    private static final FqlRecord.Columns COLUMNS = new FqlRecord.Columns(NAMES);
    private static final Set<String> FIELDS = Set.copyOf(NAMES);

    private static Map<String, String> plain(String name, String tags, String score, String seen) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("tags", tags);
        map.put("score", score);
        map.put("seen", seen);
        return map;
    }

    private static List<Map<String, String>> records() {
        String m = Fql.MULTI;
        return List.of(
                plain("WS-Finance-001", "Alpha" + m + "BETA", "10", "2026-10-20T08:00:00Z"),
                plain("lnx-eng-002", "", "9", "2026-10-01T00:00:00Z"),
                plain("İstanbul-ΣΑΣ", "gamma" + m, "10.5", null),
                plain(null, m + "Delta", "-3", "2026-10-15"),
                plain("mac-MBP-17", "x", "12.", "2026-11-01T00:00:00Z"),
                plain("ſtrange-K", null, "1e5", ""));
    }

    @Test
    void aRecordThatKeepsLowerCasedValuesMatchesEveryFilterAsAPlainMapDoes() {
        List<String> filters = List.of("name:'ws-finance-001'", "name:*'*-mbp-*'", "name:*'İ*'", "name:'istanbul-σας'",
                "tags:'beta'", "tags:!'alpha'", "tags:''", "tags:['delta','x']", "tags:*'*a'", "score:>9", "score:<=10",
                "score:>'1'", "seen:>'2026-10-15'", "seen:<'2026-10-15T00:00:01Z'", "name:'lnx-eng-002'+score:9,tags:'x'",
                "(name:*'*k'),name:!'x'", "name:*'ſ*'", "name:*'S*'");
        for (String filter : filters) {
            Predicate<Map<String, String>> predicate = Fql.filter(filter, FIELDS);
            for (Map<String, String> map : records()) {
                FqlRecord record = new FqlRecord(COLUMNS, map.values().toArray(new String[0]));
                assertEquals(predicate.test(map), predicate.test(record), filter + " on " + map);
            }
        }
    }

    @Test
    void oneFilterTestedOnRecordsOfTwoKindsReadsEachKindsOwnPositions() {
        FqlRecord.Columns reversed = new FqlRecord.Columns(List.of("seen", "score", "tags", "name"));
        Predicate<Map<String, String>> predicate = Fql.filter("name:'ana'+score:>5", FIELDS);
        for (int i = 0; i < 3; i++) {
            assertTrue(predicate.test(new FqlRecord(COLUMNS, new String[] {"Ana", null, "7", null})));
            assertTrue(predicate.test(new FqlRecord(reversed, new String[] {null, "7", null, "ANA"})));
            assertFalse(predicate.test(new FqlRecord(reversed, new String[] {"Ana", "7", null, "bo"})));
        }
        FqlRecord.Columns other = new FqlRecord.Columns(List.of("name"));
        assertFalse(predicate.test(new FqlRecord(other, new String[] {"ana"})), "a record without score");
    }

    @Test
    void repeatedValuesShareOneLowerCasedCopy() {
        FqlRecord a = new FqlRecord(COLUMNS, new String[] {"Windows", null, null, null});
        FqlRecord b = new FqlRecord(COLUMNS, new String[] {new String("Windows"), null, null, null});
        assertEquals("windows", a.lowered("name"));
        assertSame(a.lowered("name"), b.lowered("name"));
    }

    @Test
    void rangesCompareNumbersAsNumbersAndAnythingElseAsText() {
        Predicate<Map<String, String>> above9 = Fql.filter("score:>9", FIELDS);
        List<String> above = new ArrayList<>();
        records().forEach(r -> {
            if (above9.test(r)) {
                above.add(r.get("score"));
            }
        });
        // "12." and "1e5" are not numbers, so they compare as text with "9", and sort before it.
        assertEquals(List.of("10", "10.5"), above);
    }

    @Test
    void aRecordIsAnUnmodifiableMapOfItsColumnsInOrder() {
        Map<String, String> map = plain("A", "b", "1", null);
        FqlRecord record = new FqlRecord(COLUMNS, new String[] {"A", "b", "1", null});
        assertEquals(map, record);
        assertEquals(new HashMap<>(map), record);
        assertEquals(NAMES, new ArrayList<>(record.keySet()));
        assertEquals("a", record.lowered("name"));
        assertEquals(null, record.get("missing"));
        assertTrue(record.containsKey("seen"));
        assertFalse(record.containsKey("missing"));
        assertThrows(UnsupportedOperationException.class, () -> record.put("name", "x"));
        assertThrows(IllegalArgumentException.class, () -> new FqlRecord(COLUMNS, new String[] {"too few"}));
    }

    @Test
    void sortingByKeysReadOnceGivesTheComparatorsOrderBothWays() {
        SplittableRandom random = new SplittableRandom(7);
        String[] pool = {null, "", "0", "007", "7", "70", "123456789012345678", "1234567890123456789", "-5", "1.5",
            "abc", "ABD", "Abc", "zeta", "Éclair", "éclair", "2026-10-15", "2026-10-15T00:00:00Z"};
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            records.add(plain("host-" + i, null, pool[random.nextInt(pool.length)], null));
        }
        for (String sort : List.of("score.asc", "score|desc")) {
            FqlOrder order = Fql.order(sort, null, FIELDS);
            List<Map<String, String>> byComparator = new ArrayList<>(records);
            byComparator.sort(Fql.sort(sort, null, FIELDS));
            List<Map<String, String>> byKeys = new ArrayList<>(records);
            Comparator<FqlOrder.SortKey> keys = order.keys();
            byKeys.sort((a, b) -> keys.compare(order.sortKey(a), order.sortKey(b)));
            assertEquals(names(byComparator), names(byKeys), sort);
        }
    }

    private static List<String> names(List<Map<String, String>> records) {
        return Arrays.asList(records.stream().map(r -> r.get("name")).toArray(String[]::new));
    }
}
