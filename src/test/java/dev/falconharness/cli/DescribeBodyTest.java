package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code falcon describe} shows a body as a field tree and the response's records; {@code --body-template} writes a body to fill in. */
class DescribeBodyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;
    private Path shapes;

    @BeforeEach
    void writeManifest() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/cli/shapes-v2.json")) {
            shapes = Files.write(dir.resolve("shapes-v2.json"), in.readAllBytes());
        }
    }

    private Cli.Result shapes(String... words) {
        String[] args = new String[words.length + 2];
        args[0] = "--manifest";
        args[1] = shapes.toString();
        System.arraycopy(words, 0, args, 2, words.length);
        return Cli.with(Map.of()).run(args);
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }

    @Test
    void theBodyIsAnIndentedTreeWithTypesRequiredEnumsAndDescriptions() {
        Cli.Result result = shapes("describe", "PlantTree");

        assertEquals(0, result.exitCode(), result.toString());
        List<String> out = lines(result.out());
        int body = out.indexOf("Body: object (tree.Node)");
        assertTrue(body > 0, result.out());
        assertEquals(List.of(
                "  name      string, required",
                "      What the node is called.",
                "  kind      string, required; one of: leaf, branch",
                "  weight    integer; at least 1",
                "  active    boolean",
                "  owner     object (tree.Owner)",
                "    uid   string, required",
                "    team  string",
                "  children  array of object (tree.Node)",
                "    (recursive: tree.Node, shown above)",
                "  target    one of 2 alternatives",
                "    (exactly one of these)",
                "    (alternative 1) string",
                "    (alternative 2) object (tree.Owner)",
                "      uid   string, required",
                "      team  string"), out.subList(body + 1, body + 17));
    }

    @Test
    void usageShowsTheCallWithTheRequiredBodyFieldsAsWords() {
        assertTrue(shapes("describe", "PlantTree").out().endsWith(
                "Usage:\n  falcon PlantTree --body '{...}'\n  falcon PlantTree name=NAME kind=leaf [field=value...]\n"));
        assertTrue(Cli.with(Map.of()).run("describe", "GrantUserRoleIds").out()
                .contains("  falcon GrantUserRoleIds user_uuid=USER_UUID roleIds=ROLEIDS[,...]\n"));
    }

    @Test
    void anUnpublishedOperationIsMarked() {
        assertTrue(shapes("describe", "PlantTree").out().contains("unpublished: gone from the published spec; may still answer"));
        assertFalse(shapes("describe", "ListTrees").out().contains("unpublished"));
    }

    @Test
    void theSuccessResponsesResourcesAreShownAsTheirItemsFieldsTwoLevelsDeep() {
        Cli.Result result = shapes("describe", "ListTrees");

        List<String> out = lines(result.out());
        int response = out.indexOf("Response 200: resources is array of object (tree.Node)");
        assertTrue(response > 0, result.out());
        assertEquals("  name      string, required", out.get(response + 1));
        assertTrue(out.contains("      ... (2 fields, not shown at this depth)"), result.out());
        assertFalse(out.contains("      What the node is called."), "descriptions are left out of the response's shape");
    }

    @Test
    void theBuiltInGrantUserRoleIdsShowsItsRequiredRoleIdsAndItsResources() {
        Cli.Result result = Cli.with(Map.of()).run("describe", "GrantUserRoleIds");

        assertTrue(result.out().contains("Body: object (domain.RoleIDs)\n  roleIds  array of string, required\n"), result.out());
        assertTrue(result.out().contains("Response 200: resources is array of string"), result.out());
    }

    @Test
    void aBodyTemplateHoldsEveryRequiredFieldWithAPlaceholderOfItsType() throws IOException {
        Cli.Result result = shapes("describe", "PlantTree", "--body-template");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(MAPPER.readTree("{\"name\": \"<string>\", \"kind\": \"leaf\"}"), MAPPER.readTree(result.out()));
    }

    @Test
    void allFieldsAddsTheOptionalOnesButNotOnesThatLeadBackToTheSameDefinition() throws IOException {
        JsonNode all = MAPPER.readTree(shapes("describe", "PlantTree", "--body-template", "--all-fields").out());

        assertEquals(MAPPER.readTree("{\"name\": \"<string>\", \"kind\": \"leaf\", \"weight\": 1, \"active\": false,"
                + " \"owner\": {\"uid\": \"<string>\", \"team\": \"<string>\"}, \"target\": \"<string>\"}"), all);
    }

    @Test
    void aTemplateIsABodyTheCallAcceptsAsItIs() throws IOException {
        Path body = Files.writeString(dir.resolve("body.json"), shapes("describe", "PlantTree", "--body-template", "--all-fields").out());

        Cli.Result call = shapes("PlantTree", "--body", "@" + body, "--dry-run");

        assertEquals(0, call.exitCode(), call.toString());
        assertTrue(call.out().contains("\"kind\":\"leaf\"") || call.out().contains("\"kind\": \"leaf\""), call.out());
    }

    @Test
    void theBuiltInGrantUserRoleIdsTemplateIsAnArrayOfOnePlaceholder() throws IOException {
        Cli.Result result = Cli.with(Map.of()).run("describe", "GrantUserRoleIds", "--body-template");
        Path body = Files.writeString(dir.resolve("grant.json"), result.out());

        assertEquals(MAPPER.readTree("{\"roleIds\": [\"<string>\"]}"), MAPPER.readTree(result.out()));
        Cli.Result call = Cli.with(Map.of()).run("GrantUserRoleIds", "user_uuid=u-1", "--body", "@" + body, "--dry-run");
        assertEquals(0, call.exitCode(), call.toString());
    }

    @Test
    void aTemplateForAnOperationWithoutABodyIsAUsageError() {
        Cli.Result result = shapes("describe", "ListTrees", "--body-template");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("ListTrees takes no body"), result.err());
    }

    @Test
    void allFieldsWithoutBodyTemplateIsAUsageError() {
        Cli.Result result = shapes("describe", "PlantTree", "--all-fields");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("--all-fields only shapes --body-template"), result.err());
    }

    @Test
    void completionOffersTheBodysTopLevelFieldsAfterTheParametersAndTheirValues() {
        Completer completer = new Completer(FalconCommand.commandLine().getCommandSpec());
        String manifest = shapes.toString();

        assertEquals(List.of("name=", "kind=", "weight=", "active=", "owner=", "children=", "target="),
                completer.complete(List.of("--manifest", manifest, "PlantTree", "")));
        assertEquals(List.of("name=", "weight=", "active=", "owner=", "children=", "target="),
                new Completer(FalconCommand.commandLine().getCommandSpec())
                        .complete(List.of("--manifest", manifest, "PlantTree", "kind:=\"leaf\"", "")));
        assertEquals(List.of("kind=leaf", "kind=branch"), new Completer(FalconCommand.commandLine().getCommandSpec())
                .complete(List.of("--manifest", manifest, "PlantTree", "kind=")));
        assertEquals(List.of("active=true", "active=false"), new Completer(FalconCommand.commandLine().getCommandSpec())
                .complete(List.of("--manifest", manifest, "PlantTree", "active=")));
    }

    @Test
    void completionKnowsTheBodyCheckModesAndTheDescribeOptions() {
        Completer completer = new Completer(FalconCommand.commandLine().getCommandSpec());
        assertEquals(List.of("refuse", "warn", "off"), completer.complete(List.of("GetRoles", "--body-check", "")));
        assertEquals(List.of("--body-check=refuse", "--body-check=warn", "--body-check=off"),
                new Completer(FalconCommand.commandLine().getCommandSpec()).complete(List.of("batch", "--body-check=")));
        assertTrue(new Completer(FalconCommand.commandLine().getCommandSpec()).complete(List.of("describe", "GetRoles", "--"))
                .containsAll(List.of("--body-template", "--all-fields")));
    }
}
