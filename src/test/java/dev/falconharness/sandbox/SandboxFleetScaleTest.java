package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.paging.BatchResult;
import dev.falconharness.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A 50,000-host fleet through every paging style and the harness's bulk helpers: every host exactly once. */
class SandboxFleetScaleTest {
    private static FalconSandbox sandbox;
    private static Harness falcon;

    @BeforeAll
    static void start() {
        sandbox = FalconSandbox.builder().hosts(50_000).build();
        falcon = sandbox.harness();
    }

    @AfterAll
    static void stop() {
        falcon.close();
        sandbox.close();
    }

    private static void assertEachOnce(List<String> ids, int expected) {
        Set<String> distinct = new HashSet<>(ids);
        assertEquals(expected, ids.size());
        assertEquals(expected, distinct.size(), "no host twice");
    }

    @Test
    void paginateThroughScrollCursorsReturnsEveryHostExactlyOnce() {
        List<String> ids = falcon.paginate("QueryDevicesByFilterScroll", Map.of("limit", 5000)).stream()
                .map(JsonNode::asText).toList();
        assertEachOnce(ids, 50_000);
    }

    @Test
    void offsetPagingReachesTheTenThousandCeilingAndIsRefusedPastItAsTheApiRefuses() {
        List<String> ids = falcon.paginate("QueryDevicesByFilter", Map.of("limit", 5000, "sort", "hostname.asc"))
                .maxItems(10_000).stream().map(JsonNode::asText).toList();
        assertEachOnce(ids, 10_000);
        ApiResponse past = falcon.command("QueryDevicesByFilter", Map.of("offset", 9_999, "limit", 2));
        assertEquals(400, past.statusCode());
        assertTrue(past.errors().get(0).message().contains("QueryDevicesByFilterScroll"), past.text());
    }

    @Test
    void offsetPagingGetsEveryHostOfAFilteredSetExactlyOnce() {
        String filter = "platform_name:'Linux'+tags:!'FalconGroupingTags/Finance'";
        List<String> scrolled = falcon.paginate("QueryDevicesByFilterScroll", Map.of("filter", filter, "limit", 1000))
                .stream().map(JsonNode::asText).toList();
        assertTrue(scrolled.size() > 5_000 && scrolled.size() < 10_000, "size " + scrolled.size());
        List<String> paged = falcon.paginate("QueryDevicesByFilter", Map.of("filter", filter, "limit", 1000)).stream()
                .map(JsonNode::asText).toList();
        assertEachOnce(paged, scrolled.size());
        assertEquals(new HashSet<>(scrolled), new HashSet<>(paged));
    }

    @Test
    void commandBatchedFetchesTwentyThousandHostsInBatches() {
        List<String> ids = falcon.paginate("QueryDevicesByFilterScroll", Map.of("limit", 10_000)).maxItems(20_000)
                .stream().map(JsonNode::asText).toList();
        BatchResult result = falcon.commandBatched("GetDeviceDetailsV2", Map.of("ids", ids), null);
        assertTrue(result.isComplete(), result.failures().toString());
        assertEachOnce(result.resources().stream().map(h -> h.path("device_id").asText()).toList(), 20_000);
        assertTrue(result.batches() > 1);
    }

    @Test
    void queryThenDetailsStreamsEveryHostOfTheFleet() {
        List<String> ids = falcon.queryThenDetails("QueryDevicesByFilterScroll", Map.of("limit", 10_000),
                "PostDeviceDetailsV2").map(h -> h.path("device_id").asText()).toList();
        assertEachOnce(ids, 50_000);
    }

    @Test
    void aScrollOffsetExpiresTwoMinutesAfterItsLastUse() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        try (FalconSandbox small = FalconSandbox.builder().clock(clock).tokenLifetime(Duration.ofDays(1)).build();
             Harness h = small.harness()) {
            ApiResponse first = h.command("QueryDevicesByFilterScroll", Map.of("limit", 10)).orThrow();
            String token = first.pagination().offset().orElseThrow();
            clock.advance(Duration.ofSeconds(119));
            assertEquals(10, h.command("QueryDevicesByFilterScroll", Map.of("limit", 10, "offset", token)).orThrow()
                    .resources().size(), "each use extends its life");
            clock.advance(Duration.ofSeconds(120));
            ApiResponse expired = h.command("QueryDevicesByFilterScroll", Map.of("limit", 10, "offset", token));
            assertEquals(400, expired.statusCode());
            assertTrue(expired.errors().get(0).message().contains("expired"), expired.text());
        }
    }
}
