package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code falcon manifest import} and {@code falcon manifest check}, and using an imported manifest. */
class ManifestToolsTest {
    private static final Path SPECS = Path.of("src/test/resources/openapi");

    @TempDir
    Path dir;

    @Test
    void importWritesTheManifestAndReportsWarningsWithPointers() throws IOException {
        Path out = dir.resolve("tickets.json");
        Cli.Result result = Cli.with(Map.of()).run("manifest", "import", SPECS.resolve("ticketing-openapi.yaml").toString(),
                "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(Files.readString(SPECS.resolve("ticketing-openapi.manifest.json")), Files.readString(out));
        assertTrue(result.err().contains("warning: at /paths/~1tickets/get/parameters/6/style (operation listTickets):"),
                result.err());
        assertTrue(result.err().contains("Wrote "), result.err());
    }

    @Test
    void importPrintsToStdoutWithoutOut() {
        Cli.Result result = Cli.with(Map.of()).run("manifest", "import", SPECS.resolve("inventory-swagger.json").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("{\n  \"format\": \"falcon-harness/manifest@2\""), result.out());
    }

    @Test
    void somethingThatIsNotASpecFailsWithExitOne() throws IOException {
        Path notSpec = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
        Cli.Result result = Cli.with(Map.of()).run("manifest", "import", notSpec.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("falcon: "), result.err());
    }

    @Test
    void checkListsEveryProblemAndFailsOrSaysValid() {
        Cli.Result broken = Cli.with(Map.of()).run("manifest", "check", SPECS.resolve("broken-manifest.json").toString());
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("broken-manifest.json: operation "), broken.err());
        assertTrue(broken.err().trim().endsWith("problems in " + SPECS.resolve("broken-manifest.json")), broken.err());
        Cli.Result valid = Cli.with(Map.of()).run("manifest", "check", "endpoints/falcon.json");
        assertEquals(0, valid.exitCode(), valid.err());
        assertEquals("endpoints/falcon.json: valid", valid.err().trim());
    }

    @Test
    void anImportedManifestWorksWithDescribeAndDryRun() {
        String manifest = SPECS.resolve("ticketing-openapi.manifest.json").toString();
        Cli.Result describe = Cli.with(Map.of()).run("describe", "listTickets", "--manifest", manifest);
        assertEquals(0, describe.exitCode(), describe.err());
        assertTrue(describe.out().contains("GET /tickets"), describe.out());
        Cli.Result dry = Cli.with(Map.of()).run("--manifest", manifest, "--dry-run", "listTickets", "status=open,pending",
                "assignee=ana", "assignee=bo");
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("GET https://demo.tickets.example.net/api/v2/tickets?status=open,pending&assignee=ana&assignee=bo"),
                dry.out());
        // The imported spec says bearer: the dry run shows where the token goes.
        assertTrue(dry.out().contains("Authorization: Bearer [redacted]"), dry.out());
    }

    @Test
    void aBearerTokenForAnotherApiComesFromTheEnvironment() {
        Cli.Result missing = Cli.with(Map.of()).run("--manifest", SPECS.resolve("ticketing-openapi.manifest.json").toString(),
                "--base-url", "http://127.0.0.1:9", "listTickets");
        assertEquals(ExitCodes.AUTH, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("FALCON_BEARER_TOKEN"), missing.err());
    }
}
