package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code falcon __complete} offers for each position, and the scripts that call it. */
class CompletionTest {
    private static List<String> complete(String... words) {
        return new Completer(FalconCommand.commandLine().getCommandSpec()).complete(Arrays.asList(words));
    }

    @Test
    void theFirstWordIsACommandOrAnOperationId() {
        List<String> candidates = complete("");

        assertTrue(candidates.containsAll(List.of("call", "operations", "describe", "completion", "sandbox", "manifest", "help")),
                candidates.toString());
        assertTrue(candidates.containsAll(List.of("GetRoles", "CreateUser", "queryUserV1")));
        assertTrue(!candidates.contains("__complete"));
        assertEquals(FalconCommand.COMMANDS.size() + dev.falconharness.manifest.Manifest.falcon().size(), candidates.size());
    }

    @Test
    void afterAnOperationComeItsParameterNames() {
        assertEquals(List.of("ids="), complete("GetRoles", ""));
        assertEquals(List.of("user_uuid=", "roleIds="), complete("GrantUserRoleIds", ""));
        assertEquals(List.of("filter=", "offset=", "limit=", "sort="), complete("--sandbox", "queryUserV1", ""));
    }

    @Test
    void singleValuedParametersAlreadyGivenAreLeftOutButArraysStay() {
        assertEquals(List.of("filter=", "offset=", "sort="), complete("queryUserV1", "limit=5", ""));
        assertEquals(List.of("ids="), complete("GetRoles", "ids=a", ""));
    }

    @Test
    void afterNameEqualsComeItsAllowedValues() {
        List<String> sorts = complete("queryUserV1", "sort=fi");

        assertTrue(sorts.containsAll(List.of("sort=first_name", "sort=first_name|asc", "sort=uid|desc")), sorts.toString());
        assertEquals(List.of("password_protected=true", "password_protected=false"),
                complete("GetSampleV3", "password_protected="));
        assertEquals(List.of(), complete("GetRoles", "ids="));
    }

    @Test
    void optionsAreThoseOfTheCommandBeingTyped() {
        List<String> top = complete("GetRoles", "--");
        List<String> operations = complete("operations", "-");

        assertTrue(top.containsAll(List.of("--body", "--dry-run", "--sandbox", "--manifest", "--help")), top.toString());
        assertTrue(operations.containsAll(List.of("--collection", "--search", "--collections", "--manifest")), operations.toString());
        assertTrue(!operations.contains("--body"), operations.toString());
    }

    @Test
    void optionValuesAreCompletedWhereTheyAreKnown() {
        assertEquals(List.of("sample="), complete("UploadSampleV2", "--file", ""));
        assertEquals(List.of(Completer.DEFAULT), complete("UploadSampleV2", "-F", "sample="));
        assertTrue(complete("--cloud", "").containsAll(List.of("auto", "us-1", "us-2", "eu-1", "us-gov-2")));
        assertEquals(List.of(Completer.DEFAULT), complete("--manifest", ""));
        assertEquals(List.of(Completer.DEFAULT), complete("GetSampleV3", "-o", ""));
        assertEquals(List.of(), complete("--client-id", ""));
    }

    @Test
    void optionValuesAreNotMistakenForTheOperation() {
        assertEquals(List.of("ids="), complete("--client-id", "GetRoles", "--cloud", "us-2", "GetRoles", ""));
        assertEquals(List.of("ids="), complete("--cloud=us-2", "GetRoles", ""));
    }

    @Test
    void subcommandsTakeTheirOwnPositions() {
        assertTrue(complete("describe", "").contains("GetRoles"));
        assertEquals(List.of(), complete("describe", "GetRoles", ""));
        assertEquals(List.of("ids="), complete("call", "GetRoles", ""));
        assertEquals(List.of("bash", "zsh"), complete("completion", ""));
    }

    @Test
    void anUnknownOperationOrAnUnreadableManifestCompletesNothing() {
        assertEquals(List.of(), complete("NoSuchOperation", ""));
        Cli.Result result = Cli.with(Map.of()).run("__complete", "--", "--manifest", "/no/such/file.json", "");

        assertEquals(0, result.exitCode());
        assertEquals("", result.out());
    }

    @Test
    void theHiddenCommandPrintsOneCandidatePerLine() {
        Cli.Result result = Cli.with(Map.of()).run("__complete", "--", "queryUserV1", "--dry-run", "");

        assertEquals("filter=\noffset=\nlimit=\nsort=\n", result.out());
    }

    @Test
    void completionPrintsABashAndAZshScriptThatCallTheHiddenCommand() {
        Cli.Result bash = Cli.with(Map.of()).run("completion", "bash");
        Cli.Result zsh = Cli.with(Map.of()).run("completion", "zsh");
        Cli.Result fish = Cli.with(Map.of()).run("completion", "fish");

        assertTrue(bash.out().contains("complete -F _falcon_complete falcon"), bash.out());
        assertTrue(bash.out().contains("__complete -- "), bash.out());
        assertTrue(zsh.out().startsWith("#compdef falcon\n"), zsh.out());
        assertTrue(zsh.out().contains("compdef _falcon falcon"), zsh.out());
        assertEquals(ExitCodes.USAGE, fish.exitCode());
        assertTrue(fish.err().contains("expected one of [bash, zsh]"), fish.err());
    }

    @Test
    void aCommandWithSubcommandsOffersThem() {
        assertEquals(List.of("import", "check"), complete("manifest", ""));
        assertEquals(List.of("login", "status", "logout"), complete("auth", ""));
    }

    @Test
    void bodyOffersStdinAndFilesAfterTheAt() {
        assertEquals(List.of("@-", "@"), complete("CreateUser", "--body", ""));
        assertEquals(List.of(Completer.FILE_AFTER_AT), complete("CreateUser", "--body", "@us"));
    }

    @Test
    void filesAreOfferedForEveryOptionOrArgumentThatIsAFile() {
        assertEquals(List.of(Completer.DEFAULT), complete("GetRoles", "--ca-cert", ""));
        assertEquals(List.of(Completer.DEFAULT), complete("batch", ""));
        assertEquals(List.of(Completer.DEFAULT), complete("manifest", "import", ""));
        assertEquals(List.of(Completer.DEFAULT), complete("manifest", "import", "spec.yaml", "--out", ""));
    }

    @Test
    void collectionsFormatsAndCloudsAreOfferedAsValues() {
        List<String> collections = complete("operations", "--collection", "");
        assertTrue(collections.contains("user_management") && collections.contains("hosts"), collections.toString());
        assertEquals(List.of("json", "jsonl", "yaml", "table", "csv"), complete("GetRoles", "--format", ""));
        assertTrue(complete("--cloud=").containsAll(List.of("--cloud=auto", "--cloud=eu-1")));
        assertTrue(complete("GetRoles", "--cloud=").contains("--cloud=us-gov-2"));
    }

    @Test
    void profilesComeFromTheConfigFile() {
        List<String> names = new Completer(FalconCommand.commandLine().getCommandSpec(), () -> List.of("lab", "prod"))
                .complete(List.of("GetRoles", "--profile", ""));
        assertEquals(List.of("lab", "prod"), names);
    }

    @Test
    void helpOffersTopicsCommandsAndOperations() {
        List<String> candidates = complete("help", "");
        assertTrue(candidates.containsAll(List.of("fql", "exit-codes", "operations", "GetRoles")), candidates.toString());
    }
}
