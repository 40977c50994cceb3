package dev.falconharness.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.testing.MockFalcon;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Id batching by count and by URL length, async calls sharing a token, and query-then-details. */
class BatchingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MockFalcon falcon;
    private FakePagedApi api;

    private Harness serve(Function<RecordedRequest, MockResponse> answers) {
        falcon = new MockFalcon();
        api = new FakePagedApi(answers);
        falcon.server().setDispatcher(api);
        return falcon.harness();
    }

    @AfterEach
    void stop() {
        falcon.close();
    }

    /** Echoes each requested id (query ids or body ids) back as an entity. */
    private static MockResponse echo(RecordedRequest request) {
        List<String> ids = new ArrayList<>(request.getRequestUrl().queryParameterValues("ids"));
        if (ids.isEmpty() && request.getBodySize() > 0) {
            try {
                JSON.readTree(request.getBody().readUtf8()).path("ids").forEach(id -> ids.add(id.asText()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        StringBuilder resources = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            resources.append(i > 0 ? "," : "").append("{\"id\":\"").append(ids.get(i)).append("\"}");
        }
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"meta\":{},\"resources\":" + resources + "],\"errors\":[]}");
    }

    private static List<String> ids(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void idsAreSplitByTheParametersMaxItemsAndMergedInOrder() {
        Harness harness = serve(BatchingTest::echo);
        List<String> ids = ids(250, "device-");
        BatchResult result = harness.commandBatched("GetDeviceDetailsV2", Map.of("ids", ids), null);
        assertTrue(result.isComplete());
        assertEquals(3, result.batches());
        assertEquals(ids, result.resources().stream().map(r -> r.path("id").asText()).toList());
        List<Integer> sizes = api.calls.stream().map(path -> path.split("ids=").length - 1).sorted().toList();
        assertEquals(List.of(50, 100, 100), sizes);
    }

    @Test
    void idsGivenAsAJacksonArrayOrACommaStringAreBatchedLikeAList() {
        Harness harness = serve(BatchingTest::echo);
        com.fasterxml.jackson.databind.node.ArrayNode json = JSON.createArrayNode();
        ids(150, "j").forEach(json::add);
        BatchResult fromJson = harness.commandBatched("GetDeviceDetailsV2", Map.of("ids", json), null);
        assertEquals(2, fromJson.batches());
        assertEquals("j149", fromJson.resources().get(149).path("id").asText());
        BatchResult fromText = harness.commandBatched("GetDeviceDetailsV2", Map.of("ids", String.join(", ", ids(150, "c"))), null);
        assertEquals(2, fromText.batches());
        assertEquals(150, fromText.resources().size());
    }

    @Test
    void longIdsAreSplitByUrlLength() {
        Harness harness = serve(BatchingTest::echo);
        List<String> ids = IntStream.range(0, 400).mapToObj(i -> String.format("%064d", i)).toList();
        BatchResult result = harness.commandBatched("RetrieveUser", Map.of("ids", ids), null);
        assertEquals(400, result.resources().size());
        assertTrue(result.batches() >= 5, "batches: " + result.batches());
        for (String path : api.calls) {
            assertTrue(path.length() < 6_100, "a request path of " + path.length() + " characters");
        }
    }

    @Test
    void idsInAJsonBodyAreBatchedToo() {
        Harness harness = serve(BatchingTest::echo);
        BatchResult result = harness.commandBatched("retrieveUsersGETV1", Map.of(), Map.of("ids", ids(1200, "u")));
        assertEquals(3, result.batches());
        assertEquals(1200, result.resources().size());
        assertEquals("u1199", result.resources().get(1199).path("id").asText());
    }

    @Test
    void aFailedBatchIsReportedAndTheOthersAreKept() {
        Harness harness = serve(request -> request.getPath().contains("ids=device-100&")
                ? new MockResponse().setResponseCode(500).setBody("{\"errors\":[{\"code\":500,\"message\":\"boom\"}]}")
                : echo(request));
        BatchResult result = harness.commandBatched("GetDeviceDetailsV2", Map.of("ids", ids(250, "device-")), null);
        assertFalse(result.isComplete());
        assertEquals(1, result.failures().size());
        BatchResult.Failure failure = result.failures().get(0);
        assertEquals(1, failure.index());
        assertEquals("device-100", failure.ids().get(0));
        assertEquals(150, result.resources().size());
        assertEquals("batch 1 (100 ids): HTTP 500 [500 boom]", failure.toString());
    }

    @Test
    void aCallThatFitsIsSentOnce() {
        Harness harness = serve(BatchingTest::echo);
        assertEquals(1, harness.commandBatched("GetDeviceDetailsV2", Map.of("ids", List.of("a", "b")), null).batches());
        assertEquals(1, api.calls.size());
    }

    @Test
    void asyncCallsInFlightShareOneToken() {
        Harness harness = serve(BatchingTest::echo);
        List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(harness.commandAsync("GetDeviceDetailsV2", Map.of("ids", List.of("d" + i)), null));
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).join();
        for (int i = 0; i < 40; i++) {
            assertEquals("d" + i, calls.get(i).join().resources().get(0).path("id").asText());
        }
        assertEquals(1, api.tokenRequests);
    }

    @Test
    void anInvalidAsyncCallFailsAtOnceAndSendsNothing() {
        Harness harness = serve(BatchingTest::echo);
        CompletableFuture<ApiResponse> call = harness.commandAsync("GetDeviceDetailsV2", Map.of(), null);
        assertTrue(call.isCompletedExceptionally());
        assertEquals(0, api.calls.size());
    }

    @Test
    void queryThenDetailsStreamsEntitiesPageByPage() {
        Harness harness = serve(request -> request.getPath().startsWith("/user-management/queries/users/v1")
                ? offsetsOf(request, 1100) : echo(request));
        List<JsonNode> users = harness.queryThenDetails("queryUserV1", Map.of(), "retrieveUsersGETV1").toList();
        assertEquals(1100, users.size());
        assertEquals("u1099", users.get(1099).path("id").asText());
        assertEquals(3 + 3, api.calls.size());
    }

    private static MockResponse offsetsOf(RecordedRequest request, int total) {
        int offset = FakePagedApi.intParam(request, "offset", 0);
        int limit = FakePagedApi.intParam(request, "limit", 100);
        return FakePagedApi.page("u", offset, Math.min(total, offset + limit), "{\"offset\":" + offset + ",\"total\":" + total + "}");
    }
}
