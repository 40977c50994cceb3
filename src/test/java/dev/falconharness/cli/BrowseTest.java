package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code operations}, {@code describe}, {@code --help} and {@code --version}: the manifest only, no network. */
class BrowseTest {
    private final Cli cli = Cli.with(Map.of());

    @TempDir
    Path dir;

    @Test
    void operationsListsIdMethodPathAndSummaryAndMarksDeprecatedOnes() {
        Cli.Result result = cli.run("operations", "--collection", "user_management");

        assertEquals(0, result.exitCode(), result.toString());
        String getRoles = line(result.out(), "GetRoles ");
        assertTrue(getRoles.matches("GetRoles +GET +/user-roles/entities/user-roles/v1 +\\[deprecated, use entitiesRolesV1] "
                + "Get info about a role"), getRoles);
        String createUser = line(result.out(), "createUserV1 ");
        assertTrue(createUser.matches("createUserV1 +POST +/user-management/entities/users/v1 +Create a new user\\."), createUser);
        assertFalse(result.out().contains("QueryDevicesByFilter"));
    }

    @Test
    void searchNeedsEveryWordSomewhereInTheLine() {
        Cli.Result result = cli.run("operations", "--search", "USER uuid email");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("RetrieveUserUUID "), result.out());
        assertEquals(1, result.out().lines().count(), result.out());
    }

    @Test
    void anUnknownCollectionIsAUsageErrorWithSuggestions() {
        Cli.Result result = cli.run("operations", "--collection", "user_managment");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("unknown collection \"user_managment\"; did you mean user_management"), result.err());
    }

    @Test
    void collectionsListsNamesAndCounts() {
        Cli.Result result = cli.run("operations", "--collections");

        assertTrue(line(result.out(), "user_management ").matches("user_management +\\d+"), result.out());
    }

    @Test
    void describeShowsEverythingAboutEachParameter() {
        Cli.Result result = cli.run("describe", "queryUserV1");

        assertEquals(0, result.exitCode(), result.toString());
        String out = result.out();
        assertTrue(out.startsWith("queryUserV1\n  GET /user-management/queries/users/v1\n  collection: user_management\n"), out);
        assertTrue(out.contains("  limit (query, integer)\n"), out);
        assertTrue(out.contains("      default: 100; range: 1 to 500\n"), out);
        assertTrue(out.contains("  sort (query, string)\n"), out);
        assertTrue(out.contains("      one of: cid_name, cid_name|asc, cid_name|desc,"), out);
        assertTrue(out.contains("Usage:\n  falcon queryUserV1 [name=value...]\n"), out);
    }

    @Test
    void describeShowsDeprecationBodyAndArrays() {
        String grant = cli.run("describe", "GrantUserRoleIds").out();
        String roles = cli.run("describe", "GetRoles").out();

        assertTrue(grant.contains("  deprecated: use userRolesActionV1 instead\n"), grant);
        assertTrue(grant.contains("  user_uuid (query, string, required)\n"), grant);
        assertTrue(grant.contains("  body (body, JSON, required)\n"), grant);
        assertTrue(grant.contains("  falcon GrantUserRoleIds user_uuid=USER_UUID --body '{...}'\n"), grant);
        assertTrue(roles.contains("  ids (query, array of string, multi, required)\n"), roles);
    }

    @Test
    void describeShowsFileUploadsAndPatterns() throws IOException {
        Path manifest = Files.writeString(dir.resolve("api.json"), """
                {"format": "falcon-harness/manifest@1", "name": "mine", "operations": [
                  {"id": "Upload", "method": "POST", "path": "/up", "summary": "Upload <b>it</b>.", "parameters": [
                    {"name": "file", "in": "formData", "type": "file", "required": true, "description": "The file."},
                    {"name": "code", "in": "formData", "type": "string", "pattern": "^[A-Z]{3}$", "minLength": 3, "maxLength": 3},
                    {"name": "tags", "in": "formData", "type": "array", "items": "string", "collectionFormat": "multi", "maxItems": 5}]}]}
                """);

        String out = cli.run("describe", "Upload", "--manifest", manifest.toString()).out();

        assertTrue(out.contains("\nUpload it.\n"), out);
        assertTrue(out.contains("  file (formData, file, required)\n      The file.\n"), out);
        assertTrue(out.contains("  code (formData, string)\n      length: 3 to 3; pattern: ^[A-Z]{3}$\n"), out);
        assertTrue(out.contains("  tags (formData, array of string, multi)\n      items: at most 5\n"), out);
        assertTrue(out.contains("  falcon Upload --file file=@PATH [name=value...]\n"), out);
    }

    @Test
    void describeAnUnknownOperationSuggestsTheClosest() {
        Cli.Result result = cli.run("describe", "getroles");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("did you mean GetRoles"), result.err());
    }

    @Test
    void helpDocumentsTheExitCodesAndCommands() {
        Cli.Result result = cli.run("--help");

        assertEquals(0, result.exitCode());
        String out = result.out();
        assertTrue(out.contains("Usage: falcon"), out);
        assertTrue(out.contains("Exit codes:\n  0  success"), out);
        assertTrue(out.contains("  3  API error: the API answered 4xx or 5xx"), out);
        assertTrue(out.contains("  5  network"), out);
        assertTrue(out.contains("operations"), out);
        assertTrue(out.contains("--client-secret-env=NAME"), out);
        assertFalse(out.contains("__complete"), out);
    }

    @Test
    void helpAndABareFalconListEveryCommand() {
        for (String[] args : new String[][] {{"--help"}, {"help"}, {}}) {
            Cli.Result result = cli.run(args);
            String usage = result.out() + result.err();
            assertTrue(usage.contains("Commands:"), usage);
            for (String command : FalconCommand.COMMANDS) {
                assertTrue(usage.contains("\n  " + command + " "), command + " missing from:\n" + usage);
            }
        }
    }

    @Test
    void theCommandNamesMatchTheSubcommandsPicocliReads() {
        picocli.CommandLine full = FalconCommand.commandLine();
        java.util.Set<String> names = new java.util.HashSet<>(FalconCommand.COMMANDS);
        names.add(FalconCommand.COMPLETE);
        assertEquals(names, full.getSubcommands().keySet());
        assertEquals(FalconCommand.COMMANDS, full.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()).map(java.util.Map.Entry::getKey).toList());
        // A call by operation ID names no command, so main builds it without them; any name brings them all.
        assertTrue(FalconCommand.commandLineFor(new FalconCommand(), "GetRoles", "ids=a").getSubcommands().isEmpty());
        assertEquals(full.getSubcommands().keySet(),
                FalconCommand.commandLineFor(new FalconCommand(), "describe", "GetRoles").getSubcommands().keySet());
        assertEquals(full.getSubcommands().keySet(),
                FalconCommand.commandLineFor(new FalconCommand(), "--sandbox", "call", "GetRoles").getSubcommands().keySet());
    }

    @Test
    void versionNamesTheHarness() {
        Cli.Result result = cli.run("--version");

        assertEquals("falcon-harness " + dev.falconharness.Version.get() + "\n", result.out());
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + start + "' in:\n" + text));
    }
}
