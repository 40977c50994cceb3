package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a test against the sandbox must fail as it would against the real API: bodies read as Go reads
 * them, only documented statuses, expiring grants, email uids.
 */
class SandboxFidelityTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final FalconSandbox sandbox = FalconSandbox.builder().clock(clock).build();
    /** The harness's own body check is off: these tests send what a careless client would, to see the sandbox's answer. */
    private final Harness falcon = sandbox.harnessBuilder().bodyValidation(dev.falconharness.BodyValidation.OFF).build();
    private final RawHttp http = new RawHttp(sandbox);

    @AfterEach
    void close() {
        falcon.close();
        sandbox.close();
    }

    private String create(String uid) {
        return falcon.command("CreateUser", Map.of(), Map.of("uid", uid)).orThrow().resources().get(0).path("uuid").asText();
    }

    private static String message(ApiResponse response) {
        return response.errors().get(0).message();
    }

    @Test
    void createUserV1IgnoresCamelCaseNamesWhichItsBodyDoesNotHave() {
        JsonNode user = falcon.command("createUserV1", Map.of(), Map.of("uid", "ana@example.com", "firstName", "Ana"))
                .orThrow().resources().get(0);
        assertTrue(user.path("first_name").isNull(), user.toString());
    }

    @Test
    void grantUserRoleIdsWithTheSnakeCaseNameIsA400NamingTheRequiredField() {
        String uuid = create("ana@example.com");
        ApiResponse response = falcon.command("GrantUserRoleIds", Map.of("user_uuid", uuid),
                Map.of("role_ids", List.of("falcon_admin")));
        assertEquals(400, response.statusCode());
        assertEquals("the body (domain.RoleIDs) is missing required field 'roleIds'", message(response));
        assertEquals(List.of(), falcon.command("GetUserRoleIds", Map.of("user_uuid", uuid)).resources());
    }

    @Test
    void aStringWhereTheSchemaHasAnArrayIsA400NamingTheFieldAndTheTypes() {
        String uuid = create("ana@example.com");
        HttpResponse<String> response = http.json("POST", "/user-roles/entities/user-roles/v1?user_uuid=" + uuid,
                http.token(), "{\"roleIds\": \"falcon_admin\"}");
        assertEquals(400, response.statusCode());
        assertEquals("body field 'roleIds' (domain.RoleIDs) must be an array of strings, got a string: \"falcon_admin\"",
                RawHttp.firstError(response));
        assertEquals(400, RawHttp.json(response).path("errors").path(0).path("code").asInt());
    }

    @Test
    void aNumberWhereTheSchemaHasAStringIsA400() {
        HttpResponse<String> response = http.json("POST", "/user-management/entities/users/v1", http.token(),
                "{\"uid\": \"ana@example.com\", \"first_name\": 7}");
        assertEquals(400, response.statusCode());
        assertTrue(RawHttp.firstError(response).startsWith("body field 'first_name' (domain.CreateUserRequest) must be "
                + "a string, got a number"), RawHttp.firstError(response));
    }

    @Test
    void unknownFieldsAreIgnoredAndNeverStored() {
        HttpResponse<String> response = http.json("POST", "/users/entities/users/v1", http.token(),
                "{\"uid\": \"ana@example.com\", \"firstName\": \"Ana\", \"nickname\": \"Aninha\", \"roleIds\": 5}");
        assertEquals(201, response.statusCode());
        assertFalse(response.body().contains("Aninha"), response.body());
        String uuid = RawHttp.json(response).path("resources").path(0).path("uuid").asText();
        assertFalse(falcon.command("RetrieveUser", Map.of("ids", List.of(uuid))).text().contains("Aninha"));
    }

    @Test
    void aUidThatIsNotAnEmailAddressIsA400() {
        for (String uid : List.of("ana", "ana@", "@example.com", "ana@example", "ana lima@example.com")) {
            ApiResponse response = falcon.command("createUserV1", Map.of(), Map.of("uid", uid));
            assertEquals(400, response.statusCode(), uid);
            assertTrue(message(response).contains("email address"), message(response));
        }
    }

    @Test
    void userActionV1ChecksItsNestedActionObject() {
        ApiResponse response = falcon.command("userActionV1", Map.of(), Map.of("ids", List.of("x"),
                "action", Map.of("action_value", "y")));
        assertEquals(400, response.statusCode());
        assertEquals("the body (domain.UserAction) is missing required field 'action.action_name'", message(response));
    }

    @Test
    void aGrantWithExpiresAtIsListedWithItsExpiryAndEndsThen() {
        String uuid = create("ana@example.com");
        falcon.command("userRolesActionV1", Map.of(), Map.of("uuid", uuid, "action", "grant",
                "role_ids", List.of("dashboard_admin"), "expires_at", "2026-03-01T12:30:00+02:00")).orThrow();
        JsonNode grant = falcon.command("CombinedUserRolesV2", Map.of("user_uuid", uuid)).orThrow().resources().get(0);
        assertEquals(uuid, grant.path("uuid").asText());
        assertTrue(grant.path("user_uuid").isMissingNode(), "the resource's field is uuid");
        assertEquals("2026-03-01T10:30:00Z", grant.path("expires_at").asText());
        JsonNode v1 = falcon.command("combinedUserRolesV1", Map.of("user_uuid", uuid)).orThrow().resources().get(0);
        assertTrue(v1.path("expires_at").isMissingNode(), "V1's resource has no expires_at");
        clock.advance(Duration.ofMinutes(30));
        assertEquals(List.of(), falcon.command("GetUserRoleIds", Map.of("user_uuid", uuid)).orThrow().resources());
    }

    @Test
    void anExpiresAtThatIsNotRfc3339OrIsPastIsA400() {
        String uuid = create("ana@example.com");
        for (String when : List.of("tomorrow", "2026-03-02", "2026-03-02 10:00:00Z", "2026-03-02T10:00Z")) {
            ApiResponse response = falcon.command("userRolesActionV1", Map.of(), Map.of("uuid", uuid, "action", "grant",
                    "role_ids", List.of("dashboard_admin"), "expires_at", when));
            assertEquals(400, response.statusCode(), when);
            assertTrue(message(response).contains("RFC 3339") && message(response).contains(when), message(response));
        }
        ApiResponse past = falcon.command("userRolesActionV1", Map.of(), Map.of("uuid", uuid, "action", "grant",
                "role_ids", List.of("dashboard_admin"), "expires_at", "2026-03-01T09:00:00Z"));
        assertEquals(400, past.statusCode());
        assertTrue(message(past).contains("future"), message(past));
    }

    @Test
    void aLookupByBodyThatFindsNothingIsA400WhereTheOperationDocumentsNo404() {
        ApiResponse response = falcon.command("retrieveUsersGETV1", Map.of(), Map.of("ids", List.of("nope")));
        assertEquals(400, response.statusCode());
        assertEquals(List.of(new ApiResponse.ApiError(404, "user not found: nope", "nope")), response.errors());
    }
}
