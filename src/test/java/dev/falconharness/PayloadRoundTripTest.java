package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.schema.SchemaProblem;
import dev.falconharness.testing.LogCapture;
import dev.falconharness.testing.MockFalcon;
import dev.falconharness.testing.PayloadManifests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Body validation modes, bodies from arguments and response schemas, through a real round trip. */
class PayloadRoundTripTest {
    private static final Map<String, Object> MISSPELT = Map.of("uid", "ana@example.com", "first_name", "Ana");

    private final MockFalcon falcon = new MockFalcon();

    @AfterEach
    void stop() {
        falcon.close();
    }

    private Harness harness(BodyValidation mode) {
        return falcon.builder().manifest(PayloadManifests.userManagement()).bodyValidation(mode).build();
    }

    @Test
    void byDefaultAMisspeltFieldIsRefusedAndNothingIsSent() {
        Harness harness = falcon.builder().manifest(PayloadManifests.userManagement()).build();
        ValidationException e = assertThrows(ValidationException.class, () -> harness.command("CreateUser", Map.of(), MISSPELT));
        assertTrue(e.getMessage().contains("body.first_name: unknown field; did you mean firstName?"), e.getMessage());
        assertEquals(0, falcon.requestCount());
    }

    @Test
    void warnSendsTheBodyAsGivenAndLogsEachProblem() {
        falcon.enqueueToken().enqueueEnvelope(201, "[]");
        try (LogCapture log = new LogCapture()) {
            ApiResponse response = harness(BodyValidation.WARN).command("CreateUser", Map.of(), MISSPELT);
            assertEquals(201, response.statusCode());
            assertTrue(log.text().contains("WARNING dev.falconharness.request.RequestFactory CreateUser: sending the body anyway"
                    + " (BodyValidation.WARN): body.first_name: unknown field; did you mean firstName?"), log.text());
        }
        RecordedRequest call = falcon.takeAfterToken();
        assertEquals("{\"uid\":\"ana@example.com\",\"first_name\":\"Ana\"}".length(), call.getBodySize());
        assertTrue(call.getBody().readString(StandardCharsets.UTF_8).contains("\"first_name\":\"Ana\""));
    }

    @Test
    void offSendsWithoutChecking() {
        falcon.enqueueToken().enqueueEnvelope(201, "[]");
        try (LogCapture log = new LogCapture()) {
            harness(BodyValidation.OFF).command("CreateUser", Map.of(), Map.of("anything", List.of(1, 2)));
            assertTrue(log.lines().stream().noneMatch(line -> line.contains("BodyValidation")), log.text());
        }
        assertEquals("{\"anything\":[1,2]}", falcon.takeAfterToken().getBody().readString(StandardCharsets.UTF_8));
    }

    @Test
    void createUserSendsTheBodyItsArgumentsName() {
        falcon.enqueueToken().enqueueEnvelope(201, "[]");
        harness(BodyValidation.REFUSE).command("CreateUser", Map.of("uid", "ana@example.com", "firstName", "Ana"));
        RecordedRequest call = falcon.takeAfterToken();
        assertEquals("POST /users/entities/users/v1", call.getMethod() + " " + call.getPath());
        assertEquals(json("{\"uid\":\"ana@example.com\",\"firstName\":\"Ana\"}"), json(call.getBody().readString(StandardCharsets.UTF_8)));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    record Role(String id, String display_name) {
    }

    @Test
    void resourcesMapToTheCallersRecordIgnoringFieldsItDoesNotDeclare() {
        falcon.enqueueToken().enqueueEnvelope(200, "[{\"id\":\"falcon_admin\",\"display_name\":\"Falcon Admin\",\"cid\":\"c\"}]");
        List<Role> roles = harness(BodyValidation.REFUSE).command("GetRoles", Map.of("ids", "falcon_admin")).resourcesAs(Role.class);
        assertEquals(List.of(new Role("falcon_admin", "Falcon Admin")), roles);
    }

    record Counted(int id) {
    }

    @Test
    void aResourceThatDoesNotFitTheTypeIsNamedByIndexAndField() {
        falcon.enqueueToken().enqueueEnvelope(200, "[{\"id\":1},{\"id\":\"x1\"}]");
        ApiResponse response = harness(BodyValidation.REFUSE).command("GetRoles", Map.of("ids", "a"));
        ResponseMappingException e = assertThrows(ResponseMappingException.class, () -> response.resourcesAs(Counted.class));
        assertTrue(e.getMessage().startsWith("resources[1] of GetRoles does not map to dev.falconharness.PayloadRoundTripTest$Counted: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("x1"), e.getMessage());
    }

    @Test
    void aResponseIsCheckedAgainstTheSchemaOfItsStatusWithEveryMismatchsPointer() {
        falcon.enqueueToken().enqueueEnvelope(200, "[{\"id\":\"r\",\"description\":\"d\",\"display_name\":5}]");
        falcon.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody("{\"meta\":{\"query_time\":0.1,\"trace_id\":\"t\"},\"resources\":[{\"id\":\"r\",\"description\":\"d\",\"display_name\":\"R\"}],"
                        + "\"errors\":[],\"extra\":true}"));
        Harness harness = harness(BodyValidation.REFUSE);
        ApiResponse wrong = harness.command("GetRoles", Map.of("ids", "r"));
        List<SchemaProblem> problems = wrong.schemaProblems();
        assertEquals(List.of("/resources/0/display_name"), problems.stream().map(SchemaProblem::pointer).toList());
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class, wrong::checkSchema);
        assertEquals("Response of GetRoles (200) does not match its schema: /resources/0/display_name: expected a string,"
                + " got integer 5", e.getMessage());
        ApiResponse right = harness.command("GetRoles", Map.of("ids", "r"));
        assertEquals(List.of(), right.schemaProblems(), "fields the schema does not declare are allowed in responses");
        assertEquals(right, right.checkSchema());
    }

    @Test
    void aNoContentAnswerHasNoBodyToCheckWhateverTheSchemaOfItsStatus() {
        falcon.enqueueToken().enqueue(new MockResponse().setResponseCode(204));
        ApiResponse empty = harness(BodyValidation.REFUSE).command("GetRoles", Map.of("ids", "r"));
        assertEquals(204, empty.statusCode());
        assertEquals(List.of(), empty.schemaProblems());
    }
}
