package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operations the sandbox does not model answer generated data: deterministic, shaped by the schema, paged,
 * filtered, with query IDs their entity operation resolves; bodies are read as the API's Go decoder reads them.
 */
class SandboxGeneratedDataTest {
    private static final String QUERY = "admission_control_query_policies";
    private static final String ENTITIES = "admission_control_get_policies";

    private static FalconSandbox sandbox;
    private static Harness harness;

    @BeforeAll
    static void start() {
        sandbox = FalconSandbox.start();
        harness = sandbox.harness();
    }

    @AfterAll
    static void stop() {
        harness.close();
        sandbox.close();
    }

    private static List<String> ids(ApiResponse response) {
        List<String> ids = new ArrayList<>();
        response.body().path("resources").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Test
    void theIdsAQueryListsResolveAtItsEntityOperationWithTheirOwnIds() {
        List<String> ids = ids(harness.command(QUERY));
        assertEquals(GeneratedCollections.SIZE, ids.size());
        ApiResponse entities = harness.command(ENTITIES, Map.of("ids", ids));
        assertEquals(200, entities.statusCode());
        assertEquals(List.of(), entities.schemaProblems());
        List<String> resolved = new ArrayList<>();
        entities.body().path("resources").forEach(r -> resolved.add(r.path("id").asText()));
        assertEquals(ids, resolved);
    }

    @Test
    void anIdTheQueryNeverListedIsA404ErrorNamingIt() {
        ApiResponse response = harness.command(ENTITIES, Map.of("ids", List.of("feedfacefeedfacefeedfacefeedface")));
        assertEquals(404, response.statusCode());
        assertEquals("feedfacefeedfacefeedfacefeedface", response.body().path("errors").get(0).path("id").asText());
    }

    @Test
    void theSameRequestGetsTheSameAnswer() {
        List<String> ids = ids(harness.command(QUERY));
        JsonNode first = harness.command(ENTITIES, Map.of("ids", ids)).body().path("resources");
        JsonNode second = harness.command(ENTITIES, Map.of("ids", ids)).body().path("resources");
        assertEquals(first, second);
        assertEquals(ids, ids(harness.command(QUERY)));
    }

    @Test
    void queriesPageByOffsetAndLimit() {
        List<String> all = ids(harness.command(QUERY));
        ApiResponse second = harness.command(QUERY, Map.of("offset", 2, "limit", 2));
        assertEquals(all.subList(2, 4), ids(second));
        assertEquals(2, second.pagination().limit().getAsLong());
        assertEquals(GeneratedCollections.SIZE, second.pagination().total().getAsLong());
    }

    @Test
    void cursorQueriesHandOutAnAfterTokenThatReachesTheNextPageAndIsEmptyOnTheLast() {
        ApiResponse first = harness.command("query_iot_hostsV2", Map.of("limit", 3));
        String after = first.meta().path("pagination").path("after").asText();
        assertFalse(after.isEmpty());
        ApiResponse second = harness.command("query_iot_hostsV2", Map.of("limit", 3, "after", after));
        assertEquals(GeneratedCollections.SIZE - 3, ids(second).size());
        assertTrue(java.util.Collections.disjoint(ids(first), ids(second)));
        assertEquals("", second.meta().path("pagination").path("after").asText());
        assertEquals(List.of(), second.schemaProblems());
    }

    @Test
    void aFilterNothingMatchesAnswersNoResourcesAndATotalOfZero() {
        ApiResponse response = harness.command(QUERY, Map.of("filter", "name:'no such policy anywhere'"));
        assertEquals(200, response.statusCode());
        assertEquals(List.of(), ids(response));
        assertEquals(0, response.pagination().total().getAsLong());
    }

    @Test
    void aFilterOnARecordsFieldKeepsThatRecord() {
        List<String> ids = ids(harness.command(QUERY));
        String name = harness.command(ENTITIES, Map.of("ids", ids.subList(1, 2))).body()
                .path("resources").get(0).path("name").asText();
        assertFalse(name.isEmpty());
        assertEquals(ids.subList(1, 2), ids(harness.command(QUERY, Map.of("filter", "name:'" + name + "'"))));
    }

    @Test
    void aBodyFieldOfTheWrongJsonTypeIsA400NamingTheField() {
        ApiResponse response = harness.request("POST", "/admission-control-policies/entities/policies/v1", Map.of(),
                Map.of("name", 42));
        assertEquals(400, response.statusCode());
        assertTrue(response.errors().get(0).message().contains("'name'"), response.errors().toString());
    }

    @Test
    void aMissingRequiredBodyFieldIsA400NamingTheField() {
        ApiResponse response = harness.request("POST", "/admission-control-policies/entities/policies/v1", Map.of(),
                Map.of("description", "no name"));
        assertEquals(400, response.statusCode());
        assertTrue(response.errors().get(0).message().contains("missing required field 'name'"),
                response.errors().toString());
    }

    @Test
    void unknownBodyFieldsAreIgnoredAsTheApiIgnoresThem() {
        ApiResponse response = harness.request("POST", "/admission-control-policies/entities/policies/v1", Map.of(),
                Map.of("name", "p", "first_name", "ignored"));
        assertEquals(200, response.statusCode());
        assertEquals(List.of(), response.schemaProblems());
    }
}
