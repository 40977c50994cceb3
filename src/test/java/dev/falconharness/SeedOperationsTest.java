package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.testing.MockFalcon;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's twelve User Management operations, called the way the seed calls them, each asserted
 * against the exact request the server received.
 */
class SeedOperationsTest {
    private MockFalcon falcon;
    private Harness harness;

    @BeforeEach
    void start() {
        falcon = new MockFalcon();
        harness = falcon.harness();
        falcon.enqueueToken();
    }

    @AfterEach
    void stop() {
        falcon.close();
    }

    static Stream<Arguments> seed() {
        return Stream.of(
                Arguments.of("GetRoles", Map.of("ids", "ID1,ID2,ID3"), null,
                        "GET /user-roles/entities/user-roles/v1?ids=ID1&ids=ID2&ids=ID3", ""),
                Arguments.of("GrantUserRoleIds", Map.of("user_uuid", "u-1"), Map.of("roleIds", List.of("falcon_admin")),
                        "POST /user-roles/entities/user-roles/v1?user_uuid=u-1", "{\"roleIds\":[\"falcon_admin\"]}"),
                Arguments.of("RevokeUserRoleIds", Map.of("user_uuid", "u-1", "ids", List.of("ID1", "ID2")), null,
                        "DELETE /user-roles/entities/user-roles/v1?user_uuid=u-1&ids=ID1&ids=ID2", ""),
                Arguments.of("GetAvailableRoleIds", Map.of(), null,
                        "GET /user-roles/queries/user-role-ids-by-cid/v1", ""),
                Arguments.of("GetUserRoleIds", Map.of("user_uuid", "u-1"), null,
                        "GET /user-roles/queries/user-role-ids-by-user-uuid/v1?user_uuid=u-1", ""),
                Arguments.of("RetrieveUser", Map.of("ids", List.of("ID1", "ID2", "ID3")), null,
                        "GET /users/entities/users/v1?ids=ID1&ids=ID2&ids=ID3", ""),
                Arguments.of("CreateUser", Map.of(), Map.of("uid", "ana@example.com"),
                        "POST /users/entities/users/v1", "{\"uid\":\"ana@example.com\"}"),
                Arguments.of("DeleteUser", Map.of("user_uuid", "u-1"), null,
                        "DELETE /users/entities/users/v1?user_uuid=u-1", ""),
                Arguments.of("UpdateUser", Map.of("user_uuid", "u-1"), Map.of("firstName", "Ana"),
                        "PATCH /users/entities/users/v1?user_uuid=u-1", "{\"firstName\":\"Ana\"}"),
                Arguments.of("RetrieveEmailsByCID", Map.of(), null, "GET /users/queries/emails-by-cid/v1", ""),
                Arguments.of("RetrieveUserUUIDsByCID", Map.of(), null, "GET /users/queries/user-uuids-by-cid/v1", ""),
                Arguments.of("RetrieveUserUUID", Map.of("uid", List.of("ana@example.com", "bo@example.com")), null,
                        "GET /users/queries/user-uuids-by-email/v1?uid=ana%40example.com&uid=bo%40example.com", ""));
    }

    @ParameterizedTest(name = "{0} sends {3}")
    @MethodSource("seed")
    void eachSeedOperationSendsExactlyTheDocumentedRequest(String operationId, Map<String, ?> params, Object body,
            String requestLine, String expectedBody) {
        falcon.enqueueEnvelope(200, "[\"r1\"]");
        ApiResponse response = harness.command(operationId, params, body);

        RecordedRequest token = falcon.take();
        assertEquals("POST /oauth2/token", token.getMethod() + " " + token.getPath());
        RecordedRequest call = falcon.take();
        assertEquals(requestLine, call.getMethod() + " " + call.getPath());
        assertEquals(expectedBody, call.getBody().readUtf8());
        assertEquals("Bearer " + MockFalcon.TOKEN, call.getHeader("Authorization"));
        assertEquals("application/json", call.getHeader("Accept"));
        assertTrue(call.getHeader("User-Agent").startsWith("falcon-harness/"), call.getHeader("User-Agent"));
        if (expectedBody.isEmpty()) {
            assertEquals(null, call.getHeader("Content-Type"));
        } else {
            assertEquals("application/json", call.getHeader("Content-Type"));
        }
        assertEquals(200, response.statusCode());
        assertEquals("r1", response.resources().get(0).asText());
        assertEquals("trace-200", response.traceId());
        assertEquals(operationId, response.operationId());
    }
}
