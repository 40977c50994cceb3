package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The User Management store through both API generations: answers, refusals and their messages. */
class SandboxUsersTest {
    private final FalconSandbox sandbox = FalconSandbox.start();
    private final Harness falcon = sandbox.harness();
    /** Sends bodies the schemas refuse, to see what the sandbox itself answers to them. */
    private final Harness unchecked = sandbox.harnessBuilder().bodyValidation(dev.falconharness.BodyValidation.OFF).build();

    @AfterEach
    void close() {
        falcon.close();
        unchecked.close();
        sandbox.close();
    }

    private String create(String uid) {
        return falcon.command("CreateUser", Map.of(), Map.of("uid", uid)).orThrow().resources().get(0).path("uuid").asText();
    }

    private static String message(ApiResponse response) {
        return response.errors().get(0).message();
    }

    @Test
    void creatingAUserAnswers201WithTheLegacyShape() {
        ApiResponse response = falcon.command("CreateUser", Map.of(),
                Map.of("uid", "ana@example.com", "firstName", "Ana", "lastName", "Lima", "password", "S3cret!pass"));
        JsonNode user = response.resources().get(0);
        assertEquals(201, response.statusCode());
        assertEquals("ana@example.com", user.path("uid").asText());
        assertEquals("Ana", user.path("firstName").asText());
        assertEquals("Lima", user.path("lastName").asText());
        assertEquals(sandbox.customerId(), user.path("customer").asText());
        assertEquals(1, response.meta().path("writes").path("resources_affected").asInt());
        assertTrue(!response.text().contains("S3cret!pass"), "the password is never echoed");
    }

    @Test
    void createUserIgnoresTheOtherGenerationsSnakeCaseNamesAsTheApiDoes() {
        ApiResponse response = unchecked.command("CreateUser", Map.of(),
                Map.of("uid", "bo@example.com", "first_name", "Bo", "last_name", "Berg"));
        assertEquals(201, response.statusCode());
        assertTrue(response.resources().get(0).path("firstName").isNull(), response.resources().toString());
        assertTrue(response.resources().get(0).path("lastName").isNull());
    }

    @Test
    void aDuplicateUidIsA400WhateverItsCaseAsCreateUserDocumentsNo409() {
        String uuid = create("ana@example.com");
        ApiResponse again = falcon.command("CreateUser", Map.of(), Map.of("uid", "Ana@Example.com"));
        assertEquals(400, again.statusCode());
        assertTrue(message(again).contains("already exists") && message(again).contains(uuid), message(again));
    }

    @Test
    void aUserWithoutUidIsA400ThatSaysWhatUidIs() {
        ApiResponse response = falcon.command("CreateUser", Map.of(), Map.of("firstName", "Ana"));
        assertEquals(400, response.statusCode());
        assertTrue(message(response).startsWith("uid is required"), message(response));
    }

    @Test
    void aBodyThatIsNotJsonIsA400WithThePosition() {
        RawHttp http = new RawHttp(sandbox);
        HttpResponse<String> response = http.json("POST", "/users/entities/users/v1", http.token(), "{\"uid\": ");
        assertEquals(400, response.statusCode());
        assertTrue(RawHttp.firstError(response).startsWith("the body is not valid JSON at line 1"),
                RawHttp.firstError(response));
    }

    @Test
    void anUnknownUserIsA404OnlyWhereTheOperationDocuments404AndA400Elsewhere() {
        String missing = "00000000-0000-0000-0000-000000000000";
        assertEquals(404, falcon.command("DeleteUser", Map.of("user_uuid", missing)).statusCode());
        assertEquals(404, falcon.command("UpdateUser", Map.of("user_uuid", missing), Map.of("firstName", "X")).statusCode());
        assertEquals(400, falcon.command("GetUserRoleIds", Map.of("user_uuid", missing)).statusCode());
        assertEquals(400, falcon.command("deleteUserV1", Map.of("user_uuid", missing)).statusCode());
        assertEquals(400, falcon.command("updateUserV1", Map.of("user_uuid", missing), Map.of("first_name", "X"))
                .statusCode());
        assertEquals(400, falcon.command("combinedUserRolesV1", Map.of("user_uuid", missing)).statusCode());
        ApiResponse grant = falcon.command("GrantUserRoleIds", Map.of("user_uuid", missing),
                Map.of("roleIds", List.of("falcon_admin")));
        assertEquals(400, grant.statusCode());
        assertEquals(List.of(new ApiResponse.ApiError(400, "user not found: " + missing, null)), grant.errors());
    }

    @Test
    void aLookupOfSeveralIdsReturnsWhatItFoundAndAnErrorPerMissingOne() {
        String uuid = create("ana@example.com");
        ApiResponse response = falcon.command("RetrieveUser", Map.of("ids", List.of(uuid, "nope")));
        assertEquals(200, response.statusCode());
        assertEquals(1, response.resources().size());
        assertEquals(List.of(new ApiResponse.ApiError(404, "user not found: nope", "nope")), response.errors());
    }

    @Test
    void aLookupThatFindsNothingIsA404() {
        ApiResponse response = falcon.command("GetRoles", Map.of("ids", List.of("no_such_role", "nor_this")));
        assertEquals(404, response.statusCode());
        assertEquals(2, response.errors().size());
    }

    @Test
    void grantingAnUnknownRoleIsA400NamingIt() {
        String uuid = create("ana@example.com");
        ApiResponse response = falcon.command("GrantUserRoleIds", Map.of("user_uuid", uuid),
                Map.of("roleIds", List.of("falcon_admin", "falcon_wizard")));
        assertEquals(400, response.statusCode());
        assertTrue(message(response).startsWith("unknown role ID(s): falcon_wizard"), message(response));
        assertEquals(List.of(), falcon.command("GetUserRoleIds", Map.of("user_uuid", uuid)).resources());
    }

    @Test
    void grantingWithoutRoleIdsIsA400WithAnExample() {
        String uuid = create("ana@example.com");
        ApiResponse response = unchecked.command("GrantUserRoleIds", Map.of("user_uuid", uuid), Map.of("roles", List.of()));
        assertEquals(400, response.statusCode());
        assertEquals("the body (domain.RoleIDs) is missing required field 'roleIds'", message(response));
    }

    @Test
    void anUpdateThatNamesNothingIsA400() {
        String uuid = create("ana@example.com");
        ApiResponse response = unchecked.command("UpdateUser", Map.of("user_uuid", uuid), Map.of("uid", "x@example.com"));
        assertEquals(400, response.statusCode());
        assertEquals("nothing to update: give firstName and/or lastName", message(response));
    }

    @Test
    void theBuiltInStateHasThirteenRolesAndAnAdministrator() {
        assertEquals(13, falcon.command("GetAvailableRoleIds").resources().size());
        assertEquals("sandbox.admin@example.com", falcon.command("RetrieveEmailsByCID").resources().get(0).asText());
        JsonNode role = falcon.command("GetRoles", Map.of("ids", List.of("custom_ioas_manager"))).resources().get(0);
        assertEquals("Custom IOA Manager", role.path("display_name").asText());
        assertTrue(role.path("description").asText().length() > 10);
    }

    @Test
    void queryUserV1FindsAUserByUidWithAnFqlFilter() {
        String uuid = create("ana@example.com");
        create("bo@example.com");
        ApiResponse response = falcon.command("queryUserV1", Map.of("filter", "uid:'ana@example.com'"));
        assertEquals(List.of(uuid), response.resources().stream().map(JsonNode::asText).toList());
        assertEquals(1, response.pagination().total().getAsLong());
    }

    @Test
    void queryUserV1PagesThroughAFewHundredUsersInUidOrder() {
        for (int i = 0; i < 300; i++) {
            create(String.format("user%03d@example.com", i));
        }
        List<String> seen = new java.util.ArrayList<>();
        for (int offset = 0; offset < 400; offset += 120) {
            ApiResponse page = falcon.command("queryUserV1", Map.of("filter", "uid:*'user*'", "offset", offset,
                    "limit", 120)).orThrow();
            assertEquals(300, page.pagination().total().getAsLong());
            assertEquals(120, page.pagination().limit().getAsLong());
            page.resources().forEach(id -> seen.add(id.asText()));
        }
        List<String> uids = falcon.command("retrieveUsersGETV1", Map.of(), Map.of("ids", seen)).resources().stream()
                .map(u -> u.path("uid").asText()).toList();
        assertEquals(300, seen.size());
        assertEquals("user000@example.com", uids.get(0));
        assertEquals("user299@example.com", uids.get(299));
        assertEquals(uids.stream().sorted().toList(), uids);
    }

    @Test
    void queryUserV1SortsDescendingAndRefusesABadSortOrFilter() {
        create("ana@example.com");
        create("zoe@example.com");
        ApiResponse sorted = falcon.command("queryUserV1", Map.of("sort", "uid|desc", "limit", 1));
        String first = sorted.resources().get(0).asText();
        assertEquals("zoe@example.com", falcon.command("retrieveUsersGETV1", Map.of(), Map.of("ids", List.of(first)))
                .resources().get(0).path("uid").asText());
        ApiResponse badFilter = falcon.command("queryUserV1", Map.of("filter", "email:'ana@example.com'"));
        assertEquals(400, badFilter.statusCode());
        assertTrue(message(badFilter).startsWith("cannot filter on 'email'"), message(badFilter));
    }

    @Test
    void theV1OperationsShareTheStoreAndUseSnakeCase() {
        ApiResponse created = falcon.command("createUserV1", Map.of(),
                Map.of("uid", "ana@example.com", "first_name", "Ana", "last_name", "Lima"));
        String uuid = created.resources().get(0).path("uuid").asText();
        assertEquals(201, created.statusCode());
        assertEquals(sandbox.customerId(), created.resources().get(0).path("cid").asText());
        assertTrue(created.resources().get(0).path("created_at").isTextual());
        falcon.command("updateUserV1", Map.of("user_uuid", uuid), Map.of("last_name", "Souza")).orThrow();
        assertEquals("Souza", falcon.command("RetrieveUser", Map.of("ids", List.of(uuid))).resources().get(0)
                .path("lastName").asText());
        assertEquals(200, falcon.command("deleteUserV1", Map.of("user_uuid", uuid)).statusCode());
        assertEquals(404, falcon.command("RetrieveUser", Map.of("ids", List.of(uuid))).statusCode());
    }

    @Test
    void createUserV1WithValidateOnlyChecksWithoutCreatingAndAnswersTheDocumented201() {
        create("ana@example.com");
        assertEquals(201, falcon.command("createUserV1", Map.of("validate_only", true),
                Map.of("uid", "new@example.com")).statusCode());
        assertEquals(400, falcon.command("createUserV1", Map.of("validate_only", true),
                Map.of("uid", "ana@example.com")).statusCode());
        assertEquals(2, falcon.command("RetrieveUserUUIDsByCID").resources().size());
    }

    @Test
    void userRolesActionV1GrantsAndRevokesAndTheCombinedListingShowsTheGrants() {
        String uuid = create("ana@example.com");
        falcon.command("userRolesActionV1", Map.of(), Map.of("uuid", uuid, "action", "grant",
                "role_ids", List.of("remote_responder_one", "dashboard_admin"))).orThrow();
        ApiResponse grants = falcon.command("combinedUserRolesV1", Map.of("user_uuid", uuid));
        assertEquals(List.of("dashboard_admin", "remote_responder_one"), grants.resources().stream()
                .map(g -> g.path("role_id").asText()).toList());
        assertEquals("direct", grants.resources().get(0).path("grant_type").asText());
        assertEquals(2, grants.pagination().total().getAsLong());
        falcon.command("userRolesActionV1", Map.of(), Map.of("uuid", uuid, "action", "revoke",
                "role_ids", List.of("dashboard_admin"))).orThrow();
        assertEquals(List.of("remote_responder_one"), falcon.command("queriesRolesV1",
                Map.of("user_uuid", uuid, "action", "revoke")).resources().stream().map(JsonNode::asText).toList());
        assertEquals(12, falcon.command("queriesRolesV1", Map.of("user_uuid", uuid)).resources().size());
    }

    @Test
    void anActionOtherThanGrantOrRevokeIsA400() {
        String uuid = create("ana@example.com");
        ApiResponse response = falcon.command("userRolesActionV1", Map.of(), Map.of("uuid", uuid, "action", "promote",
                "role_ids", List.of("falcon_admin")));
        assertEquals(400, response.statusCode());
        assertEquals("'action' must be grant or revoke, got \"promote\"", message(response));
    }

    @Test
    void anotherCustomersCidIsRefusedWith403() {
        ApiResponse response = falcon.command("entitiesRolesV1", Map.of("ids", List.of("falcon_admin"),
                "cid", "ffffffffffffffffffffffffffffffff"));
        assertEquals(403, response.statusCode());
        assertTrue(message(response).contains(sandbox.customerId()), message(response));
    }

    @Test
    void aLimitOutsideTheDocumentedRangeIsA400() {
        ApiResponse response = falcon.request("GET", "/user-management/queries/users/v1", Map.of("limit", "501"), null);
        assertEquals(400, response.statusCode());
        assertEquals("query parameter 'limit' must be an integer from 1 to 500, got \"501\"", message(response));
    }
}
