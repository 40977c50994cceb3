package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code name=value} words that name body fields build the body, on the command line as in Java. */
class BodyArgumentsCliTest extends UserManagementV2Cli {
    @Test
    void createUserTakesItsFieldsAsWords() throws IOException {
        Cli.Result result = run("CreateUser", "uid=ana@example.com", "firstName=Ana");

        assertEquals(0, result.exitCode(), result.toString());
        RecordedRequest call = falcon.onlyCall();
        assertEquals("POST /users/entities/users/v1", call.getMethod() + " " + call.getPath());
        assertEquals(MAPPER.readTree("{\"uid\":\"ana@example.com\",\"firstName\":\"Ana\"}"),
                MAPPER.readTree(call.getBody().readString(StandardCharsets.UTF_8)));
    }

    @Test
    void createUserV1TakesTheSnakeCaseFieldsAndItsQueryParameter() throws IOException {
        run("createUserV1", "uid=ana@example.com", "first_name=Ana", "validate_only=true");

        RecordedRequest call = falcon.onlyCall();
        assertEquals("/user-management/entities/users/v1?validate_only=true", call.getPath());
        assertEquals(MAPPER.readTree("{\"uid\":\"ana@example.com\",\"first_name\":\"Ana\"}"),
                MAPPER.readTree(call.getBody().readString(StandardCharsets.UTF_8)));
    }

    @Test
    void grantUserRoleIdsAndPerformActionV2SplitTheirListsIntoArrays() throws IOException {
        run("GrantUserRoleIds", "user_uuid=u-1", "roleIds=a,b");
        RecordedRequest grant = falcon.onlyCall();
        assertEquals("/user-roles/entities/user-roles/v1?user_uuid=u-1", grant.getPath());
        assertEquals("{\"roleIds\":[\"a\",\"b\"]}", grant.getBody().readString(StandardCharsets.UTF_8));
    }

    @Test
    void performActionV2KeepsItsQueryParameterApartFromItsBodyField() {
        run("PerformActionV2", "action_name=contain", "ids=h1,h2");
        RecordedRequest contain = falcon.onlyCall();
        assertEquals("/devices/entities/devices-actions/v2?action_name=contain", contain.getPath());
        assertEquals("{\"ids\":[\"h1\",\"h2\"]}", contain.getBody().readString(StandardCharsets.UTF_8));
    }

    @Test
    void aMisspeltFieldIsRefusedBeforeAnythingIsSent() {
        Cli.Result result = run("CreateUser", "uid=ana@example.com", "first_name=Ana");

        assertTrue(result.exitCode() != 0, result.toString());
        assertTrue(result.err().contains("first_name: unknown parameter; did you mean firstName?"), result.err());
        assertEquals(List.of(), falcon.calls());
    }
}
