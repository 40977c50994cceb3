package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.Harness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting from a seed file, and getting back to it with reset(). */
class SandboxSeedTest {

    private static Path resource(String name) {
        try {
            return Path.of(SandboxSeedTest.class.getResource("/sandbox/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }

    @Test
    void aSeedFileSetsTheCustomerRolesUsersAndGrants() {
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(resource("seed.json")).build();
             Harness falcon = sandbox.harness()) {
            assertEquals("0123456789abcdef0123456789abcdef", sandbox.customerId());
            assertEquals(List.of("falcon_admin", "falcon_console_guest", "remote_responder_one"),
                    texts(falcon.command("GetAvailableRoleIds").resources()));
            assertEquals(List.of("ana@example.com", "bo@example.com", "cy@example.com"),
                    texts(falcon.command("RetrieveEmailsByCID").resources()));
            assertEquals(List.of("falcon_console_guest", "remote_responder_one"), texts(falcon.command("GetUserRoleIds",
                    Map.of("user_uuid", "22222222-2222-4222-8222-222222222222")).resources()));
            JsonNode ana = falcon.command("retrieveUsersGETV1", Map.of(),
                    Map.of("ids", List.of("11111111-1111-4111-8111-111111111111"))).resources().get(0);
            assertEquals("2024-06-01T08:30:00Z", ana.path("last_login_at").asText());
            assertEquals("0123456789abcdef0123456789abcdef", ana.path("cid").asText());
        }
    }

    @Test
    void resetBringsBackTheSeededStateAndKeepsTokensValid() {
        try (FalconSandbox sandbox = FalconSandbox.builder().seed(resource("seed.json")).build();
             Harness falcon = sandbox.harness()) {
            falcon.command("CreateUser", Map.of(), Map.of("uid", "dee@example.com")).orThrow();
            falcon.command("DeleteUser", Map.of("user_uuid", "11111111-1111-4111-8111-111111111111")).orThrow();
            falcon.command("RevokeUserRoleIds", Map.of("user_uuid", "22222222-2222-4222-8222-222222222222",
                    "ids", List.of("falcon_console_guest"))).orThrow();
            sandbox.reset();
            assertEquals(List.of("ana@example.com", "bo@example.com", "cy@example.com"),
                    texts(falcon.command("RetrieveEmailsByCID").resources()));
            assertEquals(2, falcon.command("GetUserRoleIds", Map.of("user_uuid",
                    "22222222-2222-4222-8222-222222222222")).resources().size());
            assertEquals(1, sandbox.tokensIssued());
        }
    }

    @Test
    void resetWithoutASeedFileBringsBackTheBuiltInState() {
        try (FalconSandbox sandbox = FalconSandbox.start(); Harness falcon = sandbox.harness()) {
            falcon.command("CreateUser", Map.of(), Map.of("uid", "dee@example.com")).orThrow();
            sandbox.reset();
            assertEquals(List.of("sandbox.admin@example.com"), texts(falcon.command("RetrieveEmailsByCID").resources()));
        }
    }

    @Test
    void aSeedFileWithMistakesIsRefusedWithEveryProblemAndWhereItIs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FalconSandbox.builder().seed(resource("seed-with-mistakes.json")).build());
        String message = e.getMessage();
        assertTrue(message.contains("has 5 problem(s)"), message);
        assertTrue(message.contains("$.users[0].roles[0]: unknown role \"falcon_wizard\""), message);
        assertTrue(message.contains("$.users[1].frist_name: unknown field"), message);
        assertTrue(message.contains("$.users[1].uid: \"ANA@example.com\" is used by an earlier user"), message);
        assertTrue(message.contains("$.users[2].uid: required"), message);
        assertTrue(message.contains("$.users[2].created_at: expected an ISO-8601 instant"), message);
    }

    @Test
    void aSeedFileThatIsNotJsonSaysWhere(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"users\": [\n  {\"uid\": }\n]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FalconSandbox.builder().seed(file).build());
        assertTrue(e.getMessage().contains("is not valid JSON") && e.getMessage().contains("at line 2"), e.getMessage());
    }

    @Test
    void aMissingSeedFileIsAnUncheckedIoExceptionNamingIt() {
        Path file = resource("seed.json").resolveSibling("missing.json");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> FalconSandbox.builder().seed(file).build());
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
    }
}
