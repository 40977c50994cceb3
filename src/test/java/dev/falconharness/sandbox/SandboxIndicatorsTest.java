package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Custom indicators (the ioc collection) through the harness: create, search, page, update, delete. */
class SandboxIndicatorsTest {
    private static final String CHILD = "0123456789abcdef0123456789abcdef";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final FalconSandbox sandbox = FalconSandbox.builder().clock(clock).childCids(CHILD).build();
    private final Harness falcon = sandbox.harness();

    @AfterEach
    void close() {
        falcon.close();
        sandbox.close();
    }

    private static Map<String, Object> indicator(String type, String value, String action, String severity) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("type", type);
        one.put("value", value);
        one.put("action", action);
        if (severity != null) {
            one.put("severity", severity);
        }
        one.put("platforms", List.of("windows", "linux"));
        one.put("applied_globally", true);
        return one;
    }

    private ApiResponse create(List<Map<String, Object>> indicators) {
        return falcon.command("indicator_create_v1", Map.of(), Map.of("comment", "test", "indicators", indicators));
    }

    private List<String> search(Map<String, Object> params) {
        return texts(falcon.command("indicator_search_v1", params).orThrow().resources());
    }

    private long total() {
        return falcon.command("indicator_search_v1", Map.of("limit", 1)).orThrow().pagination().total().getAsLong();
    }

    private static String messages(ApiResponse response) {
        return String.join("\n", response.errors().stream().map(e -> e.message()).toList());
    }

    private static List<String> texts(List<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aCreatedIndicatorIsFoundByTypeValueAndTagsAndCarriesTheCallerAndTheClock() {
        Map<String, Object> domain = indicator("domain", "Bad-Site.Example.com", "detect", "high");
        domain.put("tags", List.of("campaign-x"));
        ApiResponse created = create(List.of(domain));
        assertEquals(201, created.statusCode(), created.text());
        JsonNode made = created.resources().get(0);
        assertEquals("bad-site.example.com", made.path("value").asText(), "domains are stored in lower case");
        assertEquals(FalconSandbox.CLIENT_ID, made.path("created_by").asText());
        assertEquals("2026-11-30T12:00:00Z", made.path("created_on").asText());
        String id = made.path("id").asText();
        assertEquals(List.of(id), search(Map.of("filter", "type:'domain'+value:'bad-site.example.com'")));
        assertEquals(List.of(id), search(Map.of("filter", "tags:'campaign-x'")));
        assertEquals(List.of(id), search(Map.of("filter", "value:*'*site.example*'+severity:'high'")));
        assertEquals(List.of(id), search(Map.of("filter", "created_on:>='2026-11-30'+created_by:'" + FalconSandbox.CLIENT_ID
                + "'")), "the generated indicators were created before the sandbox clock's day");
        assertFalse(search(Map.of("filter", "applied_globally:false+host_groups:*'*'")).isEmpty());
        assertFalse(search(Map.of("filter", "expiration:>'2026-11-30'+type:['ipv4','ipv6','domain']")).contains(id));
        JsonNode combined = falcon.command("indicator_combined_v1", Map.of("filter", "tags:'campaign-x'")).orThrow()
                .resources().get(0);
        assertEquals(List.of("windows", "linux"), texts(List.copyOf(list(combined.path("platforms")))));
        assertFalse(combined.path("expired").asBoolean());
        assertEquals(id, falcon.command("indicator_get_v1", Map.of("ids", List.of(id))).orThrow().resources().get(0)
                .path("id").asText());
    }

    @Test
    void theReadmeExampleFindsTheIndicatorItCreated() {
        Map<String, Object> ioc = Map.of("type", "domain", "value", "bad-site.example.com", "action", "detect",
                "severity", "high", "platforms", List.of("windows", "mac"), "applied_globally", true,
                "tags", List.of("campaign-x"));
        falcon.command("indicator_create_v1", Map.of(), Map.of("comment", "from the hunt", "indicators", List.of(ioc)))
                .orThrow();
        List<JsonNode> found = falcon.paginate("indicator_combined_v1",
                Map.of("filter", "tags:'campaign-x'+severity:['high','critical']")).toList();
        assertEquals(1, found.size());
        assertEquals("bad-site.example.com", found.get(0).path("value").asText());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void everyInvalidIndicatorIsNamedInOne400AndNothingIsStored() {
        long before = total();
        Map<String, Object> expired = indicator("ipv4", "198.51.100.200", "detect", "low");
        expired.put("expiration", "2026-11-30T11:00:00Z");
        Map<String, Object> noGroups = indicator("md5", "0123456789abcdef0123456789abcdef", "allow", null);
        noGroups.put("applied_globally", false);
        Map<String, Object> unknownGroup = indicator("ipv6", "2001:db8::99", "no_action", null);
        unknownGroup.put("applied_globally", false);
        unknownGroup.put("host_groups", List.of("ffffffffffffffffffffffffffffffff"));
        Map<String, Object> noPlatforms = indicator("domain", "ok.example.org", "no_action", null);
        noPlatforms.remove("platforms");
        String existing = falcon.command("indicator_combined_v1", Map.of("filter", "type:'sha256'", "limit", 1))
                .orThrow().resources().get(0).path("value").asText();
        ApiResponse refused = create(List.of(
                indicator("domain", "fine.example.org", "detect", "medium"),
                indicator("sha256", "abc123", "prevent", "high"),
                indicator("ipv4", "300.1.2.3", "detect", "high"),
                indicator("domain", "http://evil.example.com/path", "detect", "high"),
                indicator("url", "x", "detect", "high"),
                indicator("md5", "0123456789abcdef0123456789abcdee", "block", "high"),
                indicator("md5", "0123456789abcdef0123456789abcded", "detect", null),
                indicator("domain", "prevent.example.org", "prevent", "high"),
                indicator("sha256", existing.toUpperCase(), "prevent", "high"),
                indicator("ipv4", "198.51.100.201", "detect", "urgent"),
                indicator("ipv6", "2001:db8::zz", "detect", "low"),
                expired, noGroups, unknownGroup, noPlatforms));
        assertEquals(400, refused.statusCode(), refused.text());
        String errors = messages(refused);
        for (String expected : List.of("indicators[1] (sha256 abc123).value: \"abc123\" is not a SHA-256 hash",
                "indicators[2] (ipv4 300.1.2.3).value", "is not an IPv4 address", "indicators[3]", "is not a domain name",
                "indicators[4] (url x).type: \"url\" is not a type; use one of sha256, md5, domain, ipv4, ipv6",
                "indicators[5]", "\"block\" is not an action", "indicators[6]",
                "severity: required when the action is detect", "indicators[7]", "domain indicators cannot prevent",
                "indicators[8]", "Duplicate type: 'sha256' and value: '" + existing + "' combination",
                "indicators[9]", "\"urgent\" is not a severity", "indicators[10] (ipv6 2001:db8::zz).value", "is not an IPv6 address",
                "indicators[11]", "is not in the future",
                "indicators[12]", "host_groups: required when applied_globally is false", "indicators[13]",
                "no host group has ID", "indicators[14]", "platforms: required")) {
            assertTrue(errors.contains(expected), "missing \"" + expected + "\" in " + errors);
        }
        assertFalse(errors.contains("indicators[0]"), errors);
        assertEquals(before, total(), "a refused request stores nothing, not even its valid indicator");
        assertEquals(List.of(), search(Map.of("filter", "value:'fine.example.org'")));
    }

    @Test
    void anIndicatorGivenTwiceInOneRequestIsADuplicate() {
        ApiResponse refused = create(List.of(indicator("ipv6", "2001:DB8:0:0::7", "detect", "low"),
                indicator("ipv6", "2001:db8::7", "detect", "low")));
        assertEquals(400, refused.statusCode());
        assertTrue(messages(refused).contains("Duplicate type: 'ipv6' and value: '2001:db8::7'"),
                messages(refused));
    }

    @Test
    void anIpv6IndicatorIsStoredInCanonicalFormAndFoundByTheValueItWasCreatedWith() {
        create(List.of(indicator("ipv6", "2001:DB8:0:0:1:0:0:BEEF", "detect", "low"),
                indicator("ipv6", "::FFFF:203.0.113.9", "detect", "low"))).orThrow();
        assertEquals(1, search(Map.of("filter", "value:'2001:db8::1:0:0:beef'")).size(), "the first longest zero run folds");
        JsonNode mapped = falcon.command("indicator_combined_v1", Map.of("filter", "value:'::ffff:203.0.113.9'"))
                .orThrow().resources().get(0);
        assertEquals("ipv6", mapped.path("type").asText());
        ApiResponse again = create(List.of(indicator("ipv6", "2001:db8:0000::1:0:0:beef", "detect", "low")));
        assertEquals(400, again.statusCode(), "the same address written another way is a duplicate");
    }

    @Test
    void updatingToAppliedGloballyEndsTheGroupLimitAndGroupIdsAreStoredInLowerCase() {
        String group = falcon.command("queryHostGroups", Map.of("limit", 1)).orThrow().resources().get(0).asText();
        Map<String, Object> scoped = new LinkedHashMap<>(indicator("domain", "scoped.example.org", "detect", "low"));
        scoped.put("applied_globally", false);
        scoped.put("host_groups", List.of(group.toUpperCase(java.util.Locale.ROOT)));
        JsonNode created = create(List.of(scoped)).orThrow().resources().get(0);
        assertEquals(List.of(group), texts(List.of(created.path("host_groups").get(0))));
        ApiResponse global = falcon.command("indicator_update_v1", Map.of(), Map.of("indicators",
                List.of(Map.of("id", created.path("id").asText(), "applied_globally", true))));
        assertEquals(200, global.statusCode(), global.text());
        assertEquals(0, global.resources().get(0).path("host_groups").size());
        assertTrue(global.resources().get(0).path("applied_globally").asBoolean());
    }

    @Test
    void updateChangesTheGivenFieldsAndStampsTheChangeThenDeleteRemovesIt() {
        String id = create(List.of(indicator("ipv4", "198.51.100.250", "no_action", null))).orThrow().resources().get(0)
                .path("id").asText();
        clock.advance(Duration.ofHours(2));
        Map<String, Object> change = Map.of("id", id, "action", "detect", "severity", "critical", "tags", List.of("t1"));
        ApiResponse updated = falcon.command("indicator_update_v1", Map.of(),
                Map.of("indicators", List.of(change), "bulk_update", Map.of()));
        assertEquals(200, updated.statusCode(), updated.text());
        JsonNode after = updated.resources().get(0);
        assertEquals("critical", after.path("severity").asText());
        assertEquals("2026-11-30T14:00:00Z", after.path("modified_on").asText());
        assertEquals("2026-11-30T12:00:00Z", after.path("created_on").asText());
        assertEquals(List.of(id), search(Map.of("filter", "tags:'t1'+action:'detect'")));

        ApiResponse bad = falcon.command("indicator_update_v1", Map.of(), Map.of("indicators",
                List.of(Map.of("id", id, "severity", "none")), "bulk_update", Map.of()));
        assertEquals(400, bad.statusCode());
        assertTrue(messages(bad).contains("\"none\" is not a severity"), messages(bad));

        ApiResponse deleted = falcon.command("indicator_delete_v1", Map.of("ids", List.of(id), "comment", "done"));
        assertEquals(List.of(id), texts(deleted.orThrow().resources()));
        assertEquals(404, falcon.command("indicator_get_v1", Map.of("ids", List.of(id))).statusCode());
    }

    @Test
    void bulkUpdateAndDeleteByFilterChangeEveryMatchingIndicator() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> one = indicator("domain", "bulk" + i + ".example.org", "detect", "low");
            one.put("tags", List.of("bulk-test"));
            batch.add(one);
        }
        create(batch).orThrow();
        ApiResponse updated = falcon.command("indicator_update_v1", Map.of(), Map.of("indicators", List.of(),
                "bulk_update", Map.of("filter", "tags:'bulk-test'", "severity", "high")));
        assertEquals(5, updated.orThrow().resources().size());
        assertEquals(5, search(Map.of("filter", "tags:'bulk-test'+severity:'high'")).size());
        ApiResponse deleted = falcon.command("indicator_delete_v1", Map.of("filter", "tags:'bulk-test'"));
        assertEquals(5, deleted.orThrow().resources().size());
        assertEquals(List.of(), search(Map.of("filter", "tags:'bulk-test'")));
    }

    @Test
    void afterCursorsVisitEachOfTwelveThousandIndicatorsOnceWhileOffsetsStopAtTenThousand() {
        for (int batch = 0; batch < 6; batch++) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = batch * 2000 + i;
                Map<String, Object> one = indicator("ipv4", "10." + (n >> 8) + "." + (n & 255) + ".1", "detect", "low");
                one.put("tags", List.of("paging"));
                list.add(one);
            }
            create(list).orThrow();
            clock.advance(Duration.ofSeconds(1));
        }
        ApiResponse past = falcon.command("indicator_search_v1", Map.of("filter", "tags:'paging'", "offset", 9000,
                "limit", 2000));
        assertEquals(400, past.statusCode());
        assertTrue(messages(past).contains("page with after"), messages(past));

        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> params = new LinkedHashMap<>(Map.of("filter", "tags:'paging'", "limit", 2500));
            if (after != null) {
                params.put("after", after);
            }
            ApiResponse page = falcon.command("indicator_search_v1", params).orThrow();
            assertEquals(12_000, page.pagination().total().getAsLong());
            for (String id : texts(page.resources())) {
                assertTrue(seen.add(id), "seen twice: " + id);
            }
            after = page.pagination().after().orElse(null);
            pages++;
        } while (after != null);
        assertEquals(12_000, seen.size());
        assertEquals(5, pages);
        assertEquals(12_000, falcon.paginate("indicator_search_v1", Map.of("filter", "tags:'paging'")).pageSize(2500).toList().size(),
                "the harness's paginate() switches from offsets to after");
    }

    @Test
    void anAfterCursorSkipsNothingWhenIndicatorsAreDeletedBetweenPages() {
        List<String> all = search(Map.of("limit", 100));
        ApiResponse first = falcon.command("indicator_search_v1", Map.of("limit", 4)).orThrow();
        assertEquals(all.subList(0, 4), texts(first.resources()));
        falcon.command("indicator_delete_v1", Map.of("ids", List.of(all.get(3), all.get(4)))).orThrow();
        ApiResponse second = falcon.command("indicator_search_v1", Map.of("limit", 4,
                "after", first.pagination().after().orElseThrow())).orThrow();
        assertEquals(all.subList(5, 9), texts(second.resources()));
    }

    @Test
    void sortOrdersByAnyDocumentedFieldInEitherDirection() {
        List<JsonNode> byValue = falcon.command("indicator_combined_v1", Map.of("sort", "value")).orThrow().resources();
        List<String> values = new ArrayList<>();
        byValue.forEach(n -> values.add(n.path("value").asText()));
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, values);
        // The manifest's sort enum lists bare fields; a direction goes on the wire as the API takes it.
        RawHttp http = new RawHttp(sandbox);
        HttpResponse<String> desc = http.get("/iocs/combined/indicator/v1?sort=created_on.desc&limit=100", http.token());
        assertEquals(200, desc.statusCode(), desc.body());
        List<String> created = new ArrayList<>();
        RawHttp.json(desc).path("resources").forEach(n -> created.add(n.path("created_on").asText()));
        List<String> descending = new ArrayList<>(created);
        descending.sort(java.util.Comparator.reverseOrder());
        assertEquals(descending, created);
        assertEquals(Indicators.GENERATED, created.size());
    }

    private static Map<String, Object> terms(String field, String filter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "terms");
        body.put("field", field);
        body.put("name", "by_" + field);
        if (!filter.isEmpty()) {
            body.put("filter", filter);
        }
        return body;
    }

    @Test
    void aTermsAggregationCountsIndicatorsPerValueOfTheField() {
        create(List.of(indicator("domain", "agg1.example.org", "detect", "low"),
                indicator("domain", "agg2.example.org", "no_action", null))).orThrow();
        ApiResponse byType = falcon.command("indicator_aggregate_v1", Map.of(), terms("type", ""));
        assertEquals(200, byType.statusCode(), byType.text());
        JsonNode result = byType.resources().get(0);
        assertEquals("by_type", result.path("name").asText());
        Map<String, Long> counts = new LinkedHashMap<>();
        result.path("buckets").forEach(b -> counts.put(b.path("label").asText(), b.path("count").asLong()));
        Map<String, Long> expected = new LinkedHashMap<>();
        falcon.command("indicator_combined_v1", Map.of()).orThrow().resources()
                .forEach(n -> expected.merge(n.path("type").asText(), 1L, Long::sum));
        assertEquals(expected, counts);
        assertEquals(4L, counts.get("domain"), "two generated and two created");
        assertEquals("domain", counts.keySet().iterator().next(), "the most common value comes first");
        Map<String, Object> byName = terms("type", "");
        byName.put("sort", "_term|asc");
        byName.put("size", 2);
        JsonNode firstTwo = falcon.command("indicator_aggregate_v1", Map.of(), byName).orThrow().resources().get(0);
        assertEquals(List.of("domain", "ipv4"), texts(list(firstTwo.path("buckets")).stream().map(b -> b.path("label"))
                .toList()), "sorted by value and cut to size, as the alerts' terms are");
        assertEquals(expected.values().stream().mapToLong(Long::longValue).sum() - counts.get("domain")
                - counts.get("ipv4"), firstTwo.path("sum_other_doc_count").asLong());
        ApiResponse filtered = falcon.command("indicator_aggregate_v1", Map.of("filter", "type:'domain'"),
                terms("action", "value:*'agg*'"));
        assertEquals(Set.of("detect", "no_action"), Set.copyOf(texts(list(filtered.orThrow().resources().get(0)
                .path("buckets")).stream().map(b -> b.path("label")).toList())));
        Map<String, Object> dates = terms("created_on", "");
        dates.put("type", "date_histogram");
        ApiResponse histogram = falcon.command("indicator_aggregate_v1", Map.of(), dates);
        assertEquals(400, histogram.statusCode());
        assertTrue(messages(histogram).contains("'terms' only"), messages(histogram));
    }

    @Test
    void theGeneratedIndicatorsAreTheSameOnEveryStartAndResetBringsThemBack() {
        List<JsonNode> first = falcon.command("indicator_combined_v1", Map.of()).orThrow().resources();
        assertEquals(Indicators.GENERATED, first.size());
        Set<String> types = new HashSet<>();
        first.forEach(n -> types.add(n.path("type").asText()));
        assertEquals(Set.copyOf(IndicatorRules.TYPES), types);
        assertTrue(first.stream().anyMatch(n -> n.path("host_groups").size() == 1), "some apply to a host group");
        try (FalconSandbox other = FalconSandbox.builder().clock(clock).build(); Harness again = other.harness()) {
            assertEquals(first.toString(), again.command("indicator_combined_v1", Map.of()).orThrow().resources().toString());
        }
        falcon.command("indicator_delete_v1", Map.of("filter", "type:'md5'")).orThrow();
        create(List.of(indicator("domain", "later.example.org", "detect", "low"))).orThrow();
        sandbox.reset();
        assertEquals(first.toString(), falcon.command("indicator_combined_v1", Map.of()).orThrow().resources().toString());
    }

    @Test
    void anMsspChildStartsEmptyAndSeesItsParentsIndicatorsOnlyWithFromParent() {
        RawHttp http = new RawHttp(sandbox);
        HttpResponse<String> tokenResponse = http.tokenRequest("client_id=" + FalconSandbox.CLIENT_ID + "&client_secret="
                + FalconSandbox.CLIENT_SECRET + "&member_cid=" + CHILD);
        String child = RawHttp.json(tokenResponse).path("access_token").asText();
        assertEquals(0, RawHttp.json(http.get("/iocs/queries/indicators/v1", child)).path("resources").size());
        JsonNode inherited = RawHttp.json(http.get("/iocs/combined/indicator/v1?from_parent=true", child));
        assertEquals(Indicators.GENERATED, inherited.path("resources").size());
        assertTrue(inherited.path("resources").path(0).path("from_parent").asBoolean());
    }
}
