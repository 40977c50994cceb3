package dev.falconharness.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.sandbox.FalconSandbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Thousands of users created through the seed's operations, then read back by every paging helper. */
class SandboxPagingTest {
    private static final int USERS = 3000;

    private static FalconSandbox sandbox;
    private static Harness falcon;
    private static final Set<String> created = new HashSet<>();

    @BeforeAll
    static void createUsersInBulk() {
        sandbox = FalconSandbox.start();
        falcon = sandbox.harness();
        List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
        // 16 in flight: each HTTP/1.1 call in flight holds its own connection.
        Semaphore inFlight = new Semaphore(16);
        for (int i = 0; i < USERS; i++) {
            inFlight.acquireUninterruptibly();
            calls.add(falcon.commandAsync("CreateUser", Map.of(),
                    Map.of("uid", String.format("user%04d@example.com", i), "firstName", "User", "lastName", "N" + i))
                    .whenComplete((response, failure) -> inFlight.release()));
        }
        for (CompletableFuture<ApiResponse> call : calls) {
            created.add(call.join().orThrow().resources().get(0).path("uuid").asText());
        }
    }

    @AfterAll
    static void stop() {
        falcon.close();
        sandbox.close();
    }

    @Test
    void queryUserV1PagesThroughEveryUserWithItsLargestLimit() {
        Paginator users = falcon.paginate("queryUserV1", Map.of("filter", "uid:*'user*'"));
        List<ApiResponse> pages = users.pages().toList();
        assertEquals(6, pages.size());
        Set<String> seen = new HashSet<>();
        users.stream().forEach(uuid -> assertTrue(seen.add(uuid.asText()), "repeated " + uuid));
        assertEquals(created, seen);
    }

    @Test
    void theSeedsListingOperationsSeeTheSameUsers() {
        List<JsonNode> uuids = falcon.command("RetrieveUserUUIDsByCID").orThrow().resources();
        assertEquals(USERS + 1, uuids.size());
        List<JsonNode> emails = falcon.command("RetrieveEmailsByCID").orThrow().resources();
        assertTrue(emails.stream().anyMatch(e -> e.asText().equals("user2999@example.com")));
    }

    @Test
    void queryThenDetailsStreamsEveryUserRecord() {
        List<JsonNode> users = falcon.queryThenDetails("queryUserV1", Map.of("filter", "uid:*'user*'"), "retrieveUsersGETV1")
                .toList();
        assertEquals(USERS, users.size());
        assertEquals("user0000@example.com", users.get(0).path("uid").asText());
    }

    @Test
    void theLegacyRetrieveUserIsBatchedOverThousandsOfIds() {
        BatchResult result = falcon.commandBatched("RetrieveUser", Map.of("ids", List.copyOf(created)), null);
        assertTrue(result.isComplete(), result.failures().toString());
        assertTrue(result.batches() >= 6, "batches: " + result.batches());
        assertEquals(USERS, result.resources().size());
    }
}
