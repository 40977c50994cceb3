package dev.falconharness.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.Harness;
import dev.falconharness.PaginationException;
import dev.falconharness.ValidationException;
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

/** Paging follows the cursor the answer gives, and never delivers a page the server repeated. */
class CursorFollowingTest {
    /** Declares both integer offsets and a next_token, as several Falcon operations do. */
    private static final Manifest BOTH = TestManifests.fromJson("{'operations': [{'id': 'ListThings', 'method': 'GET',"
            + " 'path': '/things', 'parameters': [{'name': 'offset', 'in': 'query', 'type': 'integer'},"
            + " {'name': 'next_token', 'in': 'query'}, {'name': 'after', 'in': 'query'},"
            + " {'name': 'limit', 'in': 'query', 'type': 'integer', 'maximum': 3}]}]}");

    private MockFalcon falcon;
    private FakePagedApi api;

    private Harness serve(Function<RecordedRequest, MockResponse> pages, Manifest manifest) {
        falcon = new MockFalcon();
        api = new FakePagedApi(pages);
        falcon.server().setDispatcher(api);
        return falcon.builder().manifest(manifest).build();
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

    /** A server that honours only its next_token: without one it sends the first page, whatever the offset. */
    private static MockResponse tokenOnly(RecordedRequest request, String field) {
        String token = FakePagedApi.param(request, field);
        int page = token == null ? 0 : Integer.parseInt(token.substring(1));
        String next = page < 2 ? "\"t" + (page + 1) + "\"" : "null";
        return FakePagedApi.page("r", page * 3, page * 3 + (page < 2 ? 3 : 1),
                "{\"offset\":0,\"limit\":3,\"total\":7,\"" + field + "\":" + next + "}");
    }

    @Test
    void anOffsetOperationFollowsTheNextTokenTheAnswerGives() {
        Harness harness = serve(request -> tokenOnly(request, "next_token"), BOTH);
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4", "r5", "r6"), texts(harness.paginate("ListThings", Map.of()).toList()));
        assertEquals(List.of("/things?offset=0&limit=3", "/things?next_token=t1&limit=3", "/things?next_token=t2&limit=3"),
                api.calls);
    }

    @Test
    void anOffsetOperationFollowsTheAfterCursorTheAnswerGives() {
        Harness harness = serve(request -> tokenOnly(request, "after"), BOTH);
        assertEquals(7, harness.paginate("ListThings", Map.of()).stream().count());
        assertEquals(List.of("/things?offset=0&limit=3", "/things?after=t1&limit=3", "/things?after=t2&limit=3"), api.calls);
    }

    @Test
    void aServerIgnoringTheOffsetStopsWithAClearErrorAndNoDuplicates() {
        Harness harness = serve(request -> FakePagedApi.page("s", 0, 3, "{\"offset\":0,\"limit\":3,\"total\":9}"), BOTH);
        List<String> delivered = new ArrayList<>();
        PaginationException e = assertThrows(PaginationException.class,
                () -> harness.paginate("ListThings", Map.of()).forEach(r -> delivered.add(r.asText())));
        assertEquals(List.of("s0", "s1", "s2"), delivered);
        assertEquals(1, e.pagesRead());
        assertEquals(3, e.recordsDelivered());
        assertEquals("stopped after 3 records: page 2 of ListThings repeats the records of page 1, so the server ignored"
                + " the offset 3 it was sent. Nothing was delivered twice; page with another operation or a narrower"
                + " filter", e.getMessage());
        assertEquals(2, api.calls.size());
    }

    @Test
    void aServerIgnoringItsOwnTokenStopsWithAClearError() {
        int[] served = {0};
        Harness harness = serve(request -> FakePagedApi.page("n", 0, 3, "{\"next_token\":\"tok" + served[0]++ + "\"}"),
                TestManifests.fromJson("{'operations': [{'id': 'ListThings', 'method': 'GET', 'path': '/things',"
                        + " 'parameters': [{'name': 'next_token', 'in': 'query'}]}]}"));
        PaginationException e = assertThrows(PaginationException.class,
                () -> harness.paginate("ListThings", Map.of()).maxPages(50).toList());
        assertTrue(e.getMessage().contains("page 2 of ListThings repeats the records of page 1, so the server ignored the"
                + " next_token cursor"), e.getMessage());
        assertEquals(1, e.pagesRead());
    }

    @Test
    void aLoopBackToAnEarlierPageIsCaughtToo() {
        Harness harness = serve(request -> {
            int offset = FakePagedApi.intParam(request, "offset", 0);
            int start = offset >= 9 ? 3 : offset;
            return FakePagedApi.page("p", start, start + 3, "{\"offset\":" + offset + ",\"limit\":3,\"total\":30}");
        }, BOTH);
        PaginationException e = assertThrows(PaginationException.class,
                () -> harness.paginate("ListThings", Map.of()).toList());
        assertTrue(e.getMessage().startsWith("stopped after 9 records: page 4 of ListThings repeats the records of page 2"),
                e.getMessage());
    }

    @Test
    void aLimitThatIsNotANumberIsAValidationErrorLikeCommands() {
        Harness harness = serve(request -> tokenOnly(request, "next_token"), BOTH);
        ValidationException e = assertThrows(ValidationException.class,
                () -> harness.paginate("ListThings", Map.of("limit", "ten")));
        assertEquals("Invalid call to ListThings: limit (query): expected an integer, got \"ten\"; pass a whole number"
                + " such as 100", e.getMessage());
        assertEquals("limit", e.problems().get(0).parameter());
        assertThrows(ValidationException.class, () -> harness.command("ListThings", Map.of("limit", "ten")));
        assertEquals(0, api.calls.size(), "nothing was sent");
    }

    @Test
    void aBadOffsetOrLimitInAJsonBodyIsAValidationError() {
        Harness harness = serve(request -> FakePagedApi.page("b", 0, 0, "{}"), TestManifests.fromJson(
                "{'operations': [{'id': 'SearchThings', 'method': 'POST', 'path': '/things/search',"
                        + " 'parameters': [{'name': 'body', 'in': 'body', 'required': true}]}]}"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> harness.paginate("SearchThings", Map.of(), Map.of("offset", "soon")));
        assertEquals("Invalid call to SearchThings: offset (body): expected an integer, got \"soon\"; pass a whole number"
                + " such as 100", e.getMessage());
        ValidationException negative = assertThrows(ValidationException.class,
                () -> harness.paginate("SearchThings", Map.of(), Map.of("limit", -5)));
        assertTrue(negative.getMessage().endsWith("limit (body): must be between 1 and 2147483647, got -5"),
                negative.getMessage());
    }
}
