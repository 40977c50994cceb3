package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options before a command, {@code OP --help}, {@code falcon help} and its topics, and the man page. */
class HelpAndOrderTest {
    private static final String TICKETS = "src/test/resources/openapi/ticketing-openapi.manifest.json";
    private final Cli cli = Cli.with(Map.of());

    @Test
    void aManifestGivenBeforeTheCommandIsTheOneItLists() {
        Cli.Result result = cli.run("--manifest", TICKETS, "operations");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("listTickets "), result.out());
        assertTrue(!result.out().contains("GetRoles"), result.out());
    }

    @Test
    void aManifestGivenBeforeDescribeIsTheOneItReads() {
        Cli.Result result = cli.run("-m", TICKETS, "describe", "listTickets");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("listTickets\n  GET /tickets"), result.out());
    }

    @Test
    void optionsACommandDoesNotTakeStayWithFalconItself() {
        String[] args = ArgumentOrder.rewrite(FalconCommand.commandLineFor(new FalconCommand(), "x", "operations"),
                "--sandbox", "--timeout", "5", "-m", "t.json", "operations", "-s", "user");
        assertArrayEquals(new String[] {"--sandbox", "--timeout", "5", "operations", "-m", "t.json", "-s", "user"}, args);
    }

    @Test
    void operationHelpDescribesTheOperation() {
        Cli.Result help = cli.run("GetRoles", "ids=x", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertEquals(cli.run("describe", "GetRoles").out(), help.out());
        Cli.Result helpCommand = cli.run("help", "GetRoles");
        assertEquals(help.out(), helpCommand.out());
    }

    @Test
    void operationHelpUsesTheManifestOnTheLine() {
        Cli.Result result = cli.run("listTickets", "--manifest", TICKETS, "-h");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("listTickets\n"), result.out());
    }

    @Test
    void helpTopicsExplainBodiesFqlExitCodesAndTheEnvironment() {
        assertTrue(cli.run("help", "body").out().contains("--body @-"));
        assertTrue(cli.run("help", "fql").out().contains("+ is AND"));
        assertTrue(cli.run("help", "exit-codes").out().contains("130  interrupted by Ctrl-C"));
        assertTrue(cli.run("help", "environment").out().contains("FALCON_CLIENT_SECRET"));
        Cli.Result list = cli.run("help");
        assertEquals(0, list.exitCode());
        assertTrue(list.out().contains("Help topics: body, fql, query, exit-codes, environment"), list.out());
    }

    @Test
    void helpForACommandPrintsItsUsage() {
        Cli.Result result = cli.run("help", "operations");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Usage: falcon operations"), result.out());
    }

    @Test
    void helpForAnUnknownNameSaysWhatExistsInstead() {
        Cli.Result result = cli.run("help", "fqll");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("no command, help topic or operation is named \"fqll\"; did you mean fql"), result.err());
    }

    @Test
    void theManPageHoldsEveryCommandOptionAndTopic() {
        String page = cli.run("help", "--man").out();
        assertTrue(page.startsWith(".TH FALCON 1 "), page);
        assertTrue(page.contains(".SS falcon operations\n"), page);
        assertTrue(page.contains("\\fB\\-\\-base\\-url\\fR URL\n"), page);
        assertTrue(page.contains(".SH FQL: THE FALCON QUERY LANGUAGE OF FILTER= ARGUMENTS\n"), page);
        assertTrue(page.contains(".SH EXIT CODES\n"), page);
        assertTrue(!page.contains("__complete"), "the hidden completion back end stays out");
    }
}
