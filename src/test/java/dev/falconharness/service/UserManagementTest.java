package dev.falconharness.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.ValidationException;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.sandbox.FalconSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each typed method is exactly the {@code command()} call of the same operation ID. */
class UserManagementTest {
    private final FalconSandbox sandbox = FalconSandbox.start();
    private final Harness harness = sandbox.harness();
    private final UserManagement users = new UserManagement(harness);

    @AfterEach
    void close() {
        harness.close();
        sandbox.close();
    }

    private static String body(ApiResponse response) {
        try (InputStream in = response.request().body().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theTwelveOperationIdsAreTheSeedsAndAllInTheManifest() {
        assertEquals(12, UserManagement.OPERATION_IDS.size());
        UserManagement.OPERATION_IDS.forEach(id -> assertNotNull(Manifest.falcon().operation(id), id));
    }

    @Test
    void everyMethodCallsTheOperationOfItsName() {
        String uuid = DefaultIds.ADMIN;
        List<ApiResponse> responses = new ArrayList<>(List.of(users.getRoles("falcon_admin"),
                users.grantUserRoleIds(uuid, "dashboard_admin"), users.revokeUserRoleIds(uuid, "dashboard_admin"),
                users.getAvailableRoleIds(), users.getUserRoleIds(uuid), users.retrieveUser(uuid),
                users.createUser(new NewUser("new@example.com", null, null)), users.deleteUser(uuid),
                users.updateUser(uuid, UserUpdate.lastName("X")), users.retrieveEmailsByCid(),
                users.retrieveUserUuidsByCid(), users.retrieveUserUuid("new@example.com")));
        assertEquals(UserManagement.OPERATION_IDS, responses.stream().map(ApiResponse::operationId).toList());
    }

    @Test
    void grantingSendsTheRoleIdsAsTheSeedsRoleIdsBody() {
        ApiResponse response = users.grantUserRoleIds(DefaultIds.ADMIN, List.of("dashboard_admin", "firewall_manager"));
        assertEquals("POST", response.request().method());
        assertEquals("/user-roles/entities/user-roles/v1?user_uuid=" + DefaultIds.ADMIN, response.request().target());
        assertEquals("{\"roleIds\":[\"dashboard_admin\",\"firewall_manager\"]}", body(response));
        assertEquals(200, response.statusCode());
    }

    @Test
    void varargsAndListsSendTheSameRequest() {
        ApiResponse varargs = users.revokeUserRoleIds(DefaultIds.ADMIN, "a", "b");
        ApiResponse list = users.revokeUserRoleIds(DefaultIds.ADMIN, List.of("a", "b"));
        assertEquals(list.request().target(), varargs.request().target());
        assertEquals("/user-roles/entities/user-roles/v1?user_uuid=" + DefaultIds.ADMIN + "&ids=a&ids=b",
                list.request().target());
    }

    @Test
    void creatingSendsCamelCaseNamesAndLeavesOutWhatIsNotGiven() {
        ApiResponse response = users.createUser(new NewUser("ana@example.com", "Ana", null));
        assertEquals("{\"uid\":\"ana@example.com\",\"firstName\":\"Ana\"}", body(response));
        assertEquals(201, response.statusCode());
    }

    @Test
    void updatingSendsOnlyTheNamesThatChange() {
        ApiResponse response = users.updateUser(DefaultIds.ADMIN, UserUpdate.firstName("Root"));
        assertEquals("{\"firstName\":\"Root\"}", body(response));
        assertEquals("Root", response.resources().get(0).path("firstName").asText());
        assertEquals("Admin", response.resources().get(0).path("lastName").asText());
    }

    @Test
    void aNewUsersPasswordIsSentButNeverShown() {
        NewUser user = new NewUser("ana@example.com", "Ana", "Lima", "Initial-Passw0rd");
        assertEquals("Initial-Passw0rd", user.toBody().get("password"));
        assertFalse(user.toString().contains("Initial-Passw0rd"));
        assertTrue(user.toString().contains("[redacted]"));
    }

    @Test
    void valuesRefuseWhatCouldNeverWork() {
        assertThrows(IllegalArgumentException.class, () -> new NewUser(" ", null, null));
        assertThrows(IllegalArgumentException.class, () -> new UserUpdate(null, null));
        assertThrows(IllegalArgumentException.class, () -> users.deleteUser(""));
        assertThrows(NullPointerException.class, () -> users.getRoles((List<String>) null));
    }

    @Test
    void anEmptyIdListIsRefusedByTheHarnessBeforeAnythingIsSent() {
        ValidationException e = assertThrows(ValidationException.class, () -> users.getRoles(List.of()));
        assertTrue(e.getMessage().contains("ids"), e.getMessage());
    }

    /** IDs of the sandbox's built-in state. */
    private static final class DefaultIds {
        static final String ADMIN = "5f0c1a2e-7b3d-4e8f-9a6b-0c1d2e3f4a5b";
    }
}
