package dev.falconharness.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.HarnessBuilder;
import dev.falconharness.PaginationException;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.testing.MockFalcon;
import dev.falconharness.testing.TestManifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every pagination style against a loopback server, with the exact requests each one makes. */
class PaginationTest {
    private MockFalcon falcon;
    private FakePagedApi api;

    private Harness serve(Function<RecordedRequest, MockResponse> pages) {
        return serve(pages, null);
    }

    private Harness serve(Function<RecordedRequest, MockResponse> pages, Manifest manifest) {
        falcon = new MockFalcon();
        api = new FakePagedApi(pages);
        falcon.server().setDispatcher(api);
        HarnessBuilder builder = falcon.builder();
        return (manifest == null ? builder : builder.manifest(manifest)).build();
    }

    @AfterEach
    void stop() {
        if (falcon != null) {
            falcon.close();
        }
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }

    /** Integer offsets over {@code total} records, as queryUserV1 pages. */
    private static Function<RecordedRequest, MockResponse> offsets(int total) {
        return request -> {
            int offset = FakePagedApi.intParam(request, "offset", 0);
            int limit = FakePagedApi.intParam(request, "limit", 100);
            int end = Math.min(total, offset + limit);
            return FakePagedApi.page("u", offset, end, "{\"offset\":" + offset + ",\"limit\":" + limit + ",\"total\":" + total + "}");
        };
    }

    @Test
    void integerOffsetsPageWithTheOperationsLargestLimitUntilTheTotal() {
        Harness harness = serve(offsets(1234));
        List<JsonNode> users = harness.paginate("queryUserV1", Map.of("filter", "uid:*")).toList();
        assertEquals(1234, users.size());
        assertEquals("u0", users.get(0).asText());
        assertEquals("u1233", users.get(1233).asText());
        assertEquals(List.of(
                "/user-management/queries/users/v1?filter=uid%3A%2A&offset=0&limit=500",
                "/user-management/queries/users/v1?filter=uid%3A%2A&offset=500&limit=500",
                "/user-management/queries/users/v1?filter=uid%3A%2A&offset=1000&limit=500"), api.calls);
        assertEquals(PageStyle.OFFSET, harness.paginate("queryUserV1", Map.of()).style());
    }

    @Test
    void scrollTokensAreFollowedUntilNoneIsReturned() {
        Harness harness = serve(request -> {
            String token = FakePagedApi.param(request, "offset");
            int page = token == null ? 0 : Integer.parseInt(token.substring(6));
            String next = page < 2 ? "\"scroll" + (page + 1) + "\"" : "null";
            return FakePagedApi.page("d", page * 100, page * 100 + (page < 2 ? 100 : 50),
                    "{\"offset\":" + next + ",\"expires_at\":1700000000,\"total\":250}");
        });
        Paginator devices = harness.paginate("QueryDevicesByFilterScroll", Map.of()).pageSize(100);
        assertEquals(PageStyle.SCROLL, devices.style());
        assertEquals(250, devices.stream().count());
        assertEquals(List.of("/devices/queries/devices-scroll/v1?limit=100",
                "/devices/queries/devices-scroll/v1?offset=scroll1&limit=100",
                "/devices/queries/devices-scroll/v1?offset=scroll2&limit=100"), api.calls);
    }

    @Test
    void afterCursorsAreFollowed() {
        Harness harness = serve(request -> {
            String after = FakePagedApi.param(request, "after");
            int page = after == null ? 0 : Integer.parseInt(after.substring(1));
            return FakePagedApi.page("h", page * 1000, page * 1000 + (page < 2 ? 1000 : 10),
                    page < 2 ? "{\"after\":\"c" + (page + 1) + "\"}" : "{}");
        });
        assertEquals(2010, harness.paginate("combined_hosts", Map.of("filter", "x")).stream().count());
        assertEquals("/discover/combined/hosts/v1?after=c2&limit=1000&filter=x", api.calls.get(2));
    }

    @Test
    void nextTokensAreFollowed() {
        Harness harness = serve(request -> {
            String token = FakePagedApi.param(request, "next_token");
            return token == null ? FakePagedApi.page("n", 0, 3, "{\"next_token\":\"nt1\"}")
                    : FakePagedApi.page("n", 3, 5, "{}");
        }, TestManifests.fromJson("{'operations': [{'id': 'ListThings', 'method': 'GET', 'path': '/things', 'parameters': ["
                + "{'name': 'next_token', 'in': 'query'}, {'name': 'limit', 'in': 'query', 'type': 'integer'}]}]}"));
        assertEquals(List.of("n0", "n1", "n2", "n3", "n4"), texts(harness.paginate("ListThings", Map.of()).toList()));
        assertEquals(List.of("/things", "/things?next_token=nt1"), api.calls);
    }

    @Test
    void offsetsInsideAJsonBodyAreAdvanced() {
        List<String> bodies = new ArrayList<>();
        Harness harness = serve(request -> {
            String body = request.getBody().readUtf8();
            bodies.add(body);
            int offset = body.contains("\"offset\":2") ? 2 : body.contains("\"offset\":4") ? 4 : 0;
            return FakePagedApi.page("b", offset, Math.min(5, offset + 2), "{\"offset\":" + offset + ",\"limit\":2,\"total\":5}");
        }, TestManifests.fromJson("{'operations': [{'id': 'SearchThings', 'method': 'POST', 'path': '/things/search',"
                + " 'parameters': [{'name': 'body', 'in': 'body', 'required': true}]}]}"));
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("filter", "x");
        body.put("limit", 2);
        List<JsonNode> all = harness.paginate("SearchThings", Map.of(), body).toList();
        assertEquals(5, all.size());
        assertEquals(List.of("{\"filter\":\"x\",\"limit\":2,\"offset\":0}", "{\"filter\":\"x\",\"limit\":2,\"offset\":2}",
                "{\"filter\":\"x\",\"limit\":2,\"offset\":4}"), bodies);
    }

    @Test
    void integerOffsetsGiveWayToTheAfterCursorTheFirstAnswerGives() {
        Harness harness = serve(request -> {
            String after = FakePagedApi.param(request, "after");
            int from = after != null ? Integer.parseInt(after.substring("cursor-at-".length()))
                    : FakePagedApi.intParam(request, "offset", 0);
            int to = Math.min(10_500, from + FakePagedApi.intParam(request, "limit", 0));
            return FakePagedApi.page("i", from, to, "{\"offset\":" + from + ",\"total\":10500"
                    + (to < 10_500 ? ",\"after\":\"cursor-at-" + to + "\"" : "") + "}");
        });
        List<JsonNode> all = harness.paginate("indicator_search_v1", Map.of()).pageSize(3000).toList();
        assertEquals(10_500, all.size());
        assertEquals("i10499", all.get(10_499).asText());
        assertEquals(List.of("/iocs/queries/indicators/v1?offset=0&limit=3000",
                "/iocs/queries/indicators/v1?limit=3000&after=cursor-at-3000",
                "/iocs/queries/indicators/v1?limit=3000&after=cursor-at-6000",
                "/iocs/queries/indicators/v1?limit=3000&after=cursor-at-9000"), api.calls);
    }

    @Test
    void integerOffsetsWithoutAnAlternativeStopWithAClearError() {
        Harness harness = serve(offsets(12_000));
        List<String> seen = new ArrayList<>();
        PaginationException e = assertThrows(PaginationException.class,
                () -> harness.paginate("queryUserV1", Map.of()).stream().forEach(id -> seen.add(id.asText())));
        assertEquals(10_000, seen.size());
        assertEquals(10_000, e.recordsDelivered());
        assertEquals(20, e.pagesRead());
        assertTrue(e.getMessage().startsWith("stopped after 10000 records: queryUserV1 pages with integer offsets, which the API"
                + " refuses past 10000 (total: 12000)."), e.getMessage());
    }

    @Test
    void aRepeatedCursorStopsPaging() {
        Harness harness = serve(request -> FakePagedApi.param(request, "after") == null
                ? FakePagedApi.page("r", 0, 10, "{\"after\":\"same\"}") : FakePagedApi.page("r", 10, 20, "{\"after\":\"same\"}"));
        assertEquals(20, harness.paginate("combined_hosts", Map.of("filter", "x")).stream().count());
        assertEquals(2, api.calls.size());
    }

    @Test
    void anEmptyPageStopsPaging() {
        Harness harness = serve(request -> FakePagedApi.param(request, "after") == null
                ? FakePagedApi.page("e", 0, 5, "{\"after\":\"next\"}") : FakePagedApi.page("e", 0, 0, "{\"after\":\"more\"}"));
        assertEquals(5, harness.paginate("combined_hosts", Map.of("filter", "x")).stream().count());
        assertEquals(2, api.calls.size());
    }

    @Test
    void aFailingMiddlePageReportsWhereItStoppedAndKeepsWhatWasDelivered() {
        Harness harness = serve(request -> FakePagedApi.intParam(request, "offset", 0) == 500
                ? new MockResponse().setResponseCode(500).setHeader("X-Cs-Traceid", "t-500")
                        .setBody("{\"errors\":[{\"code\":500,\"message\":\"internal error\"}]}")
                : offsets(1500).apply(request));
        List<String> delivered = new ArrayList<>();
        PaginationException e = assertThrows(PaginationException.class,
                () -> harness.paginate("queryUserV1", Map.of()).forEach(id -> delivered.add(id.asText())));
        assertEquals(500, delivered.size());
        assertEquals(500, e.recordsDelivered());
        assertEquals(1, e.pagesRead());
        assertEquals(500, e.failedPage().statusCode());
        assertEquals("page 2 of queryUserV1 failed with HTTP 500 after 500 records: [500 internal error] [trace id t-500]",
                e.getMessage());
    }

    @Test
    void capsOnPagesAndItemsStopFetching() {
        Harness harness = serve(offsets(5000));
        assertEquals(1000, harness.paginate("queryUserV1", Map.of()).maxPages(2).stream().count());
        assertEquals(2, api.calls.size());
        api.calls.clear();
        assertEquals(700, harness.paginate("queryUserV1", Map.of()).maxItems(700).stream().count());
        assertEquals(2, api.calls.size());
    }

    @Test
    void thePageViewShowsEachResponse() {
        Harness harness = serve(offsets(1200));
        List<ApiResponse> pages = harness.paginate("queryUserV1", Map.of()).pages().toList();
        assertEquals(3, pages.size());
        assertEquals(1200, pages.get(2).pagination().total().getAsLong());
    }
}
