package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code name=value} words that name body fields build the body, on the command line as in Java. */
class BodyArgumentsCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FakeFalcon falcon = new FakeFalcon();
    private Path manifest;

    @TempDir
    Path dir;

    @BeforeEach
    void writeManifest() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/payloads/user-management-v2.json")) {
            manifest = Files.write(dir.resolve("user-management-v2.json"), in.readAllBytes());
        }
    }

    @AfterEach
    void stop() {
        falcon.close();
    }

    private Cli.Result run(String... words) {
        String[] args = new String[words.length + 2];
        args[0] = "--manifest";
        args[1] = manifest.toString();
        System.arraycopy(words, 0, args, 2, words.length);
        return Cli.with(falcon.env()).run(args);
    }

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
