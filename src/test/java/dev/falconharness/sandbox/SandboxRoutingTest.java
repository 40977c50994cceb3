package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every manifest operation is routed by method and path and answered with a well-formed envelope. */
class SandboxRoutingTest {
    /** Collections whose operations the sandbox models, where 4xx answers to made-up IDs are correct. */
    private static final Set<String> MODELLED = Set.of("user_management", "oauth2", "hosts", "host_group", "ioc");
    /** Operations the fleet models in collections it otherwise leaves to generated answers. */
    private static final Set<String> MODELLED_OPERATIONS = Set.of("GetQueriesAlertsV2", "PostEntitiesAlertsV2",
            "PatchEntitiesAlertsV3", "PostAggregatesAlertsV2", "PostCombinedAlertsV1");

    private static FalconSandbox sandbox;
    private static Harness harness;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        sandbox = FalconSandbox.start();
        harness = sandbox.harness();
        http = new RawHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        harness.close();
        sandbox.close();
    }

    @Test
    void everyOperationOfTheManifestAnswersWithoutA404OrA5xx() {
        List<String> failures = new ArrayList<>();
        for (Operation op : Manifest.falcon().operations()) {
            ApiResponse response = harness.send(harness.prepare(op.id(), MinimalArguments.params(op),
                    MinimalArguments.body(op)));
            boolean modelled = MODELLED.contains(op.collection()) || MODELLED_OPERATIONS.contains(op.id());
            boolean ok = modelled ? response.statusCode() < 500 && !isRouteMiss(response)
                    : response.statusCode() / 100 == 2 || isUnknownGeneratedId(response);
            if (!ok) {
                failures.add(op.id() + " " + op.method() + " " + op.path() + " -> " + response.statusCode() + " "
                        + response.errors());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(1508, Manifest.falcon().size());
    }

    /** Entity operations resolve only the IDs their query operation lists; the walk's made-up "1" is not one. */
    private static boolean isUnknownGeneratedId(ApiResponse response) {
        return response.statusCode() / 100 == 4 && response.errors().stream()
                .anyMatch(e -> e.message().startsWith("no such ID in the sandbox's generated data"));
    }

    private static boolean isRouteMiss(ApiResponse response) {
        return response.statusCode() == 404 && response.errors().stream()
                .anyMatch(e -> e.message().startsWith("no operation matches"));
    }

    @Test
    void aQueryPastItsLastPageAnswersNoResourcesWithTheFalconHeaders() {
        // An operation without state of its own (hosts are the fleet's now): its five generated ids.
        ApiResponse response = harness.command("querySensorUpdatePolicies", Map.of("limit", 5, "offset", 10));
        JsonNode meta = response.meta();
        assertEquals(200, response.statusCode());
        assertEquals(List.of(), response.resources());
        assertTrue(response.body().path("errors").isArray());
        assertTrue(meta.path("query_time").isNumber());
        assertEquals("falcon-harness-sandbox", meta.path("powered_by").asText());
        assertEquals(response.header("X-Cs-Traceid").orElseThrow(), meta.path("trace_id").asText());
        assertEquals("6000", response.header("X-Ratelimit-Limit").orElseThrow());
        assertTrue(response.rateLimit().remaining().getAsLong() < 6000);
        assertEquals(10, response.pagination().offset().map(Integer::parseInt).orElseThrow());
        assertEquals(5, response.pagination().limit().getAsLong());
        assertEquals(GeneratedCollections.SIZE, response.pagination().total().getAsLong());
    }

    @Test
    void everyAnswerHasItsOwnTraceId() {
        String first = harness.command("GetAvailableRoleIds").traceId();
        String second = harness.command("GetAvailableRoleIds").traceId();
        assertFalse(first.equals(second));
    }

    @Test
    void anOperationWithPathPlaceholdersIsRoutedByItsTemplate() {
        ApiResponse response = harness.command("GetObject", Map.of("collection_name", "notes", "object_key", "a b"));
        assertEquals(200, response.statusCode());
        assertEquals("GetObject", response.operationId());
    }

    @Test
    void theOneHeadOperationAnswersWithHeadersOnly() {
        ApiResponse response = harness.command("HeadImageScanInventory");
        assertEquals(200, response.statusCode());
        assertEquals(0, response.bytes().length);
        assertTrue(response.header("X-Cs-Traceid").isPresent());
    }

    @Test
    void aMissingRequiredQueryParameterIsA400EvenForOperationsWithoutState() {
        HttpResponse<String> response = http.get("/admission-control-policies/entities/policies/v1", http.token());
        assertEquals(400, response.statusCode());
        assertTrue(RawHttp.firstError(response).contains("ids"), RawHttp.firstError(response));
    }

    @Test
    void aMissingRequiredParameterOfAnOperationThatDocumentsNo400GetsItsClosestDocumentedClientError() {
        // get_patterns documents 200, 403, 429 and 500 only; a typed client can decode nothing else. (The
        // fleet's host operations answer as the API is known to, 400 included, so they are not used here.)
        HttpResponse<String> response = http.get("/ioarules/entities/pattern-severities/v1", http.token());
        assertEquals(403, response.statusCode());
        assertTrue(RawHttp.firstError(response).contains("ids"), RawHttp.firstError(response));
    }

    @Test
    void anUnknownPathIsA404NamingTheMethodAndPath() {
        ApiResponse response = harness.request("GET", "/nothing/here/v1", Map.of(), null);
        assertEquals(404, response.statusCode());
        assertEquals("no operation matches GET /nothing/here/v1; check the path against the manifest",
                response.errors().get(0).message());
    }

    @Test
    void aKnownPathWithTheWrongMethodIsA404ThatNamesTheRightOnes() {
        ApiResponse response = harness.request("PUT", "/users/entities/users/v1", Map.of(), null);
        assertEquals(404, response.statusCode());
        assertTrue(response.errors().get(0).message().endsWith("this path takes DELETE, GET, PATCH, POST"),
                response.errors().get(0).message());
    }

    @Test
    void anUnknownPathStillNeedsAToken() {
        assertEquals(401, http.get("/nothing/here/v1", null).statusCode());
    }
}
