package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many clients at once: every change lands, none is lost, and uniqueness holds under contention. */
class SandboxConcurrencyTest {
    private static final int THREADS = 8;
    private final FalconSandbox sandbox = FalconSandbox.start();
    private final Harness falcon = sandbox.harness();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void close() {
        pool.shutdownNow();
        falcon.close();
        sandbox.close();
    }

    @Test
    void eightThreadsCreatingUsersAtOnceGetDistinctUsersAndAllAreKept() throws Exception {
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<String> uuids = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    ApiResponse created = falcon.command("CreateUser", Map.of(),
                            Map.of("uid", "t" + thread + "-u" + i + "@example.com")).orThrow();
                    String uuid = created.resources().get(0).path("uuid").asText();
                    falcon.command("GrantUserRoleIds", Map.of("user_uuid", uuid),
                            Map.of("roleIds", List.of("falcon_console_guest"))).orThrow();
                    uuids.add(uuid);
                }
                return uuids;
            }));
        }
        Set<String> all = new HashSet<>();
        for (Future<List<String>> result : results) {
            all.addAll(result.get());
        }
        assertEquals(THREADS * 25, all.size());
        assertEquals(THREADS * 25 + 1, falcon.command("RetrieveUserUUIDsByCID").resources().size());
    }

    @Test
    void whenEightThreadsRaceForOneUidExactlyOneWins() throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            results.add(pool.submit(() -> falcon.command("CreateUser", Map.of(), Map.of("uid", "race@example.com"))
                    .statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(THREADS - 1, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
    }
}
