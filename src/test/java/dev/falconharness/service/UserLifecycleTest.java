package dev.falconharness.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.sandbox.FalconSandbox;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's whole user lifecycle against the sandbox, once per way of calling the API: the typed
 * {@link UserManagement} methods and {@code Harness.command} with the seed's own call shapes. Both must
 * see the same answers.
 */
class UserLifecycleTest {
    private static final String UID = "ana.lima@example.com";

    private final FalconSandbox sandbox = FalconSandbox.start();
    private final Harness harness = sandbox.harness();

    @AfterEach
    void close() {
        harness.close();
        sandbox.close();
    }

    /** The twelve seed operations, as one way of calling them spells them. */
    interface Calls {
        ApiResponse createUser(String uid, String firstName, String lastName);
        ApiResponse retrieveUserUuid(String uid);
        ApiResponse getAvailableRoleIds();
        ApiResponse grantUserRoleIds(String uuid, List<String> roleIds);
        ApiResponse getUserRoleIds(String uuid);
        ApiResponse getRoles(List<String> ids);
        ApiResponse revokeUserRoleIds(String uuid, List<String> roleIds);
        ApiResponse updateUser(String uuid, String firstName, String lastName);
        ApiResponse retrieveUser(String uuid);
        ApiResponse retrieveEmailsByCid();
        ApiResponse retrieveUserUuidsByCid();
        ApiResponse deleteUser(String uuid);
    }

    static Stream<Named<Function<Harness, Calls>>> ways() {
        return Stream.of(Named.of("UserManagement", TypedCalls::new), Named.of("Harness.command", CommandCalls::new));
    }

    @ParameterizedTest(name = "the seed''s user lifecycle works through {0}")
    @MethodSource("ways")
    void theSeedsUserLifecycleWorks(Function<Harness, Calls> way) {
        Calls calls = way.apply(harness);
        ApiResponse created = calls.createUser(UID, "Ana", "Lima");
        assertEquals(201, created.statusCode(), created.prettyBody());
        String uuid = created.resources().get(0).path("uuid").asText();

        assertEquals(List.of(uuid), texts(calls.retrieveUserUuid(UID)));
        assertTrue(texts(calls.getAvailableRoleIds()).containsAll(List.of("falcon_console_guest", "remote_responder_one")));

        calls.grantUserRoleIds(uuid, List.of("falcon_console_guest", "remote_responder_one")).orThrow();
        assertEquals(Set.of("falcon_console_guest", "remote_responder_one"), Set.copyOf(texts(calls.getUserRoleIds(uuid))));
        Map<String, String> names = calls.getRoles(List.of("falcon_console_guest", "remote_responder_one")).orThrow()
                .resources().stream().collect(Collectors.toMap(r -> r.path("id").asText(), r -> r.path("display_name").asText()));
        assertEquals("Falcon Analyst - Read Only", names.get("falcon_console_guest"));
        assertEquals("Real Time Responder - Read Only Analyst", names.get("remote_responder_one"));

        calls.revokeUserRoleIds(uuid, List.of("remote_responder_one")).orThrow();
        assertEquals(List.of("falcon_console_guest"), texts(calls.getUserRoleIds(uuid)));

        calls.updateUser(uuid, "Ana", "Lima-Souza").orThrow();
        JsonNode user = calls.retrieveUser(uuid).orThrow().resources().get(0);
        assertEquals(List.of(UID, "Ana", "Lima-Souza"), List.of(user.path("uid").asText(),
                user.path("firstName").asText(), user.path("lastName").asText()));
        assertTrue(texts(calls.retrieveEmailsByCid()).contains(UID));
        assertTrue(texts(calls.retrieveUserUuidsByCid()).contains(uuid));

        assertEquals(200, calls.deleteUser(uuid).statusCode());
        assertEquals(404, calls.retrieveUser(uuid).statusCode());
        assertEquals(404, calls.retrieveUserUuid(UID).statusCode());
        // GetUserRoleIds documents no 404: the sandbox answers its closest documented status, 400.
        assertEquals(400, calls.getUserRoleIds(uuid).statusCode());
        assertFalse(texts(calls.retrieveEmailsByCid()).contains(UID));
    }

    private static List<String> texts(ApiResponse response) {
        return response.orThrow().resources().stream().map(JsonNode::asText).toList();
    }

    /** Through the typed methods. */
    private record TypedCalls(UserManagement users) implements Calls {
        TypedCalls(Harness harness) {
            this(new UserManagement(harness));
        }

        public ApiResponse createUser(String uid, String first, String last) {
            return users.createUser(new NewUser(uid, first, last));
        }

        public ApiResponse retrieveUserUuid(String uid) { return users.retrieveUserUuid(uid); }
        public ApiResponse getAvailableRoleIds() { return users.getAvailableRoleIds(); }
        public ApiResponse grantUserRoleIds(String uuid, List<String> ids) { return users.grantUserRoleIds(uuid, ids); }
        public ApiResponse getUserRoleIds(String uuid) { return users.getUserRoleIds(uuid); }
        public ApiResponse getRoles(List<String> ids) { return users.getRoles(ids); }
        public ApiResponse revokeUserRoleIds(String uuid, List<String> ids) { return users.revokeUserRoleIds(uuid, ids); }

        public ApiResponse updateUser(String uuid, String first, String last) {
            return users.updateUser(uuid, new UserUpdate(first, last));
        }

        public ApiResponse retrieveUser(String uuid) { return users.retrieveUser(uuid); }
        public ApiResponse retrieveEmailsByCid() { return users.retrieveEmailsByCid(); }
        public ApiResponse retrieveUserUuidsByCid() { return users.retrieveUserUuidsByCid(); }
        public ApiResponse deleteUser(String uuid) { return users.deleteUser(uuid); }
    }

    /** Through {@code command()}, shaped like the seed's examples (ids as a comma-separated string). */
    private record CommandCalls(Harness falcon) implements Calls {
        public ApiResponse createUser(String uid, String first, String last) {
            return falcon.command("CreateUser", Map.of(), Map.of("uid", uid, "firstName", first, "lastName", last));
        }

        public ApiResponse retrieveUserUuid(String uid) {
            return falcon.command("RetrieveUserUUID", Map.of("uid", List.of(uid)));
        }

        public ApiResponse getAvailableRoleIds() {
            return falcon.command("GetAvailableRoleIds");
        }

        public ApiResponse grantUserRoleIds(String uuid, List<String> ids) {
            return falcon.command("GrantUserRoleIds", Map.of("user_uuid", uuid), Map.of("roleIds", ids));
        }

        public ApiResponse getUserRoleIds(String uuid) {
            return falcon.command("GetUserRoleIds", Map.of("user_uuid", uuid));
        }

        public ApiResponse getRoles(List<String> ids) {
            return falcon.command("GetRoles", Map.of("ids", String.join(",", ids)));
        }

        public ApiResponse revokeUserRoleIds(String uuid, List<String> ids) {
            return falcon.command("RevokeUserRoleIds", Map.of("user_uuid", uuid, "ids", String.join(",", ids)));
        }

        public ApiResponse updateUser(String uuid, String first, String last) {
            return falcon.command("UpdateUser", Map.of("user_uuid", uuid), Map.of("firstName", first, "lastName", last));
        }

        public ApiResponse retrieveUser(String uuid) {
            return falcon.command("RetrieveUser", Map.of("ids", uuid));
        }

        public ApiResponse retrieveEmailsByCid() {
            return falcon.command("RetrieveEmailsByCID");
        }

        public ApiResponse retrieveUserUuidsByCid() {
            return falcon.command("RetrieveUserUUIDsByCID");
        }

        public ApiResponse deleteUser(String uuid) {
            return falcon.command("DeleteUser", Map.of("user_uuid", uuid));
        }
    }
}
