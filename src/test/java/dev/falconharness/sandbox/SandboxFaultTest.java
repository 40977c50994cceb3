package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.NetworkException;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Injected faults: what each does on the wire, which requests it picks, and that the picks repeat. The
 * harness's retries are off unless a test is about them, so each answer is the one the sandbox gave.
 */
class SandboxFaultTest {

    private static Harness noRetries(FalconSandbox sandbox) {
        return sandbox.harnessBuilder().retryPolicy(RetryPolicy.NONE).build();
    }

    private static List<Integer> statuses(FalconSandbox sandbox, String operationId, int calls) {
        List<Integer> statuses = new ArrayList<>();
        try (Harness falcon = noRetries(sandbox)) {
            for (int i = 0; i < calls; i++) {
                statuses.add(falcon.command(operationId).statusCode());
            }
        }
        return statuses;
    }

    @Test
    void aRateLimitFaultAnswers429WithRetryAfterInEpochSeconds() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00.250Z"));
        try (FalconSandbox sandbox = FalconSandbox.builder().clock(clock)
                .faults(Fault.rateLimit(Duration.ofSeconds(2)).forOperation("GetAvailableRoleIds")).build();
             Harness falcon = noRetries(sandbox)) {
            ApiResponse response = falcon.command("GetAvailableRoleIds");
            assertEquals(429, response.statusCode());
            assertEquals(Instant.parse("2025-03-01T10:00:03Z").getEpochSecond(),
                    response.rateLimit().retryAfter().getAsLong());
            assertEquals(0, response.rateLimit().remaining().getAsLong());
            assertTrue(response.errors().get(0).message().startsWith("API rate limit exceeded"));
        }
    }

    @Test
    void aStatusFaultAnswersThatStatusWithTheEnvelope() {
        try (FalconSandbox sandbox = FalconSandbox.builder().faults(Fault.status(503).forOperation("RetrieveUser")).build();
             Harness falcon = noRetries(sandbox)) {
            ApiResponse response = falcon.command("RetrieveUser", Map.of("ids", List.of("x")));
            assertEquals(503, response.statusCode());
            assertEquals(response.traceId(), response.meta().path("trace_id").asText());
            assertEquals(503, response.errors().get(0).code());
        }
    }

    @Test
    void aFaultForOneOperationAlsoHitsTheOtherIdsAtItsMethodAndPath() {
        try (FalconSandbox sandbox = FalconSandbox.builder().faults(Fault.status(500).forOperation("retrieveUser")).build();
             Harness falcon = noRetries(sandbox)) {
            assertEquals(500, falcon.command("RetrieveUser", Map.of("ids", List.of("x"))).statusCode());
            assertEquals(200, falcon.command("GetAvailableRoleIds").statusCode());
        }
    }

    @Test
    void aDelayFaultAnswersNormallyAfterTheDelay() {
        Duration delay = Duration.ofMillis(150);
        try (FalconSandbox sandbox = FalconSandbox.builder().faults(Fault.delay(delay).forOperation("GetRoles")).build();
             Harness falcon = noRetries(sandbox)) {
            ApiResponse response = falcon.command("GetRoles", Map.of("ids", List.of("falcon_admin")));
            assertEquals(200, response.statusCode());
            assertTrue(response.elapsed().compareTo(delay) >= 0, "answered after " + response.elapsed());
        }
    }

    @Test
    void aDelayLongerThanTheClientsTimeoutEndsInATimeout() {
        try (FalconSandbox sandbox = FalconSandbox.builder()
                .faults(Fault.delay(Duration.ofSeconds(30)).forOperation("GetAvailableRoleIds")).build();
             Harness falcon = sandbox.harnessBuilder().retryPolicy(RetryPolicy.NONE)
                     .requestTimeout(Duration.ofMillis(200)).build()) {
            NetworkException e = assertThrows(NetworkException.class, () -> falcon.command("GetAvailableRoleIds"));
            assertTrue(e.isTimeout(), e.getMessage());
        }
    }

    @Test
    void aDropFaultClosesTheConnectionWithoutAnAnswer() {
        try (FalconSandbox sandbox = FalconSandbox.builder().faults(Fault.drop().forOperation("CreateUser")).build();
             Harness falcon = noRetries(sandbox)) {
            NetworkException e = assertThrows(NetworkException.class,
                    () -> falcon.command("CreateUser", Map.of(), Map.of("uid", "ana@example.com")));
            assertTrue(e.getMessage().startsWith("CreateUser (POST "), e.getMessage());
            assertEquals(200, falcon.command("GetAvailableRoleIds").statusCode(), "other calls still work");
        }
    }

    @Test
    void aFaultLimitedToOnceFiresOnceThenTheCallSucceeds() {
        try (FalconSandbox sandbox = FalconSandbox.builder()
                .faults(Fault.status(502).forOperation("GetAvailableRoleIds").times(1)).build()) {
            assertEquals(List.of(502, 200, 200), statuses(sandbox, "GetAvailableRoleIds", 3));
            sandbox.reset();
            assertEquals(List.of(502, 200), statuses(sandbox, "GetAvailableRoleIds", 2));
        }
    }

    @Test
    void theHarnessRetriesRideOutAFaultThatFiresTwice() {
        List<Duration> waits = new ArrayList<>();
        try (FalconSandbox sandbox = FalconSandbox.builder()
                .faults(Fault.status(503).forOperation("GetAvailableRoleIds").times(2)).build();
             Harness falcon = sandbox.harnessBuilder().sleeper(waits::add).build()) {
            assertEquals(200, falcon.command("GetAvailableRoleIds").statusCode());
            assertEquals(2, waits.size(), "one backoff per failed attempt");
        }
    }

    @Test
    void faultsAtARateRepeatExactlyForTheSameSeed() {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (FalconSandbox sandbox = FalconSandbox.builder().faultSeed(7).faults(Fault.status(503).atRate(0.3)).build()) {
                runs.add(statuses(sandbox, "GetAvailableRoleIds", 40));
            }
        }
        long faulted = runs.get(0).stream().filter(s -> s == 503).count();
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(faulted > 0 && faulted < 40, faulted + " of 40 faulted");
    }

    @Test
    void faultsForEveryOperationLeaveTheTokenEndpointAlone() {
        try (FalconSandbox sandbox = FalconSandbox.builder().faults(Fault.status(500)).build();
             Harness falcon = noRetries(sandbox)) {
            assertEquals(500, falcon.command("GetAvailableRoleIds").statusCode());
            assertEquals(1, sandbox.tokensIssued());
        }
    }

    @Test
    void faultsCanBeChangedWhileTheSandboxRuns() {
        try (FalconSandbox sandbox = FalconSandbox.start(); Harness falcon = noRetries(sandbox)) {
            sandbox.injectFaults(Fault.status(504).forOperation("GetAvailableRoleIds"));
            assertEquals(504, falcon.command("GetAvailableRoleIds").statusCode());
            sandbox.injectFaults();
            assertEquals(200, falcon.command("GetAvailableRoleIds").statusCode());
        }
    }

    @Test
    void aFaultForAnOperationTheManifestLacksIsRefusedWithTheClosestIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FalconSandbox.builder().faults(Fault.drop().forOperation("GetRole")).build());
        assertTrue(e.getMessage().contains("did you mean GetRoles"), e.getMessage());
    }

    @Test
    void faultValuesRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Fault.status(200));
        assertThrows(IllegalArgumentException.class, () -> Fault.drop().atRate(0));
        assertThrows(IllegalArgumentException.class, () -> Fault.drop().times(0));
        assertEquals("Fault{HTTP 503, GetRoles, rate 0.5, 2 times}",
                Fault.status(503).forOperation("GetRoles").atRate(0.5).times(2).toString());
    }
}
