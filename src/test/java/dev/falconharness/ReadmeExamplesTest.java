package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.http.CallListener;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.paging.BatchResult;
import dev.falconharness.sandbox.FalconSandbox;
import dev.falconharness.service.NewUser;
import dev.falconharness.service.UserManagement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Java examples, run as written (against the sandbox instead of a real account), so the
 * documentation cannot drift from the API.
 */
class ReadmeExamplesTest {

    @Test
    void tryItWithoutAnAccount() {
        try (FalconSandbox sandbox = FalconSandbox.start();
             Harness falcon = sandbox.harness()) {
            UserManagement users = new UserManagement(falcon);
            String uuid = users.createUser(new NewUser("ana@example.com", "Ana", "Lima"))
                    .orThrow().resources().get(0).path("uuid").asText();
            users.grantUserRoleIds(uuid, "falcon_console_guest");
            assertEquals("[\"falcon_console_guest\"]", users.getUserRoleIds(uuid).resources().toString());
            assertEquals("[\"" + uuid + "\"]",
                    falcon.command("RetrieveUserUUID", Map.of("uid", "ana@example.com")).resources().toString());
        }
    }

    @Test
    void quickStartCalls() {
        try (FalconSandbox sandbox = FalconSandbox.start();
             Harness falcon = sandbox.harness()) {
            ApiResponse roles = falcon.command("GetRoles", Map.of("ids", List.of("falcon_admin", "falcon_console_guest")));
            ApiResponse created = falcon.command("CreateUser", Map.of(),
                    Map.of("uid", "ana@example.com", "firstName", "Ana", "lastName", "Silva"));
            assertEquals(2, roles.resources().size());
            assertEquals(201, created.statusCode());
            assertEquals(List.of(), created.errors());
            assertTrue(created.traceId() != null);
        }
    }

    @Test
    void paginationBatchingAndAsync() {
        try (FalconSandbox sandbox = FalconSandbox.start();
             Harness falcon = sandbox.harness()) {
            Stream<JsonNode> uuids = falcon.paginate("queryUserV1", Map.of("filter", "uid:*'*@example.com'")).stream();
            assertEquals(1, uuids.count());
            List<String> manyIds = falcon.paginate("queryUserV1", Map.of()).stream().map(JsonNode::asText).toList();
            BatchResult details = falcon.commandBatched("RetrieveUser", Map.of("ids", manyIds), null);
            assertTrue(details.isComplete());
            CompletableFuture<ApiResponse> roles = falcon.commandAsync("GetRoles", Map.of("ids", "falcon_admin"), null);
            assertEquals(200, roles.join().statusCode());
            assertEquals(1, falcon.queryThenDetails("queryUserV1", Map.of(), "retrieveUsersGETV1").count());
        }
    }

    @Test
    void reliabilityListener() {
        AtomicInteger retries = new AtomicInteger();
        try (FalconSandbox sandbox = FalconSandbox.start();
             Harness falcon = sandbox.harnessBuilder()
                     .retryPolicy(RetryPolicy.DEFAULT.toBuilder().maxAttempts(6).build())
                     .listener(new CallListener() {
                         @Override
                         public void retrying(PreparedRequest request, int attempt, String reason, Duration delay) {
                             retries.incrementAndGet();
                         }
                     })
                     .build()) {
            sandbox.injectFaults(dev.falconharness.sandbox.Fault.status(503).times(1));
            assertEquals(200, falcon.withTimeout(Duration.ofSeconds(5)).command("GetAvailableRoleIds").statusCode());
            assertEquals(1, retries.get());
        }
    }
}
