package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --format}, {@code --columns} and {@code --query}, for one response and for {@code --all}. */
class FormatAndQueryTest {
    private static final String USERS = "[{\"uuid\":\"u-1\",\"uid\":\"ana@example.com\",\"first_name\":\"Ana\","
            + "\"roles\":[\"a\",\"b\"],\"meta\":{\"team\":\"blue\"}},"
            + "{\"uuid\":\"u-2\",\"uid\":\"bo@example.com\",\"first_name\":\"Bo, Jr\",\"roles\":[],\"meta\":{\"team\":\"red\"}}]";

    private final FakeFalcon falcon = new FakeFalcon();

    @AfterEach
    void stop() {
        falcon.close();
    }

    private Cli.Result run(String... args) {
        falcon.enqueue(FakeFalcon.envelope(200, USERS));
        Cli.Result result = Cli.with(falcon.env()).run(args);
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    @Test
    void aTableShowsTheResourcesWithIdentifyingColumnsFirst() {
        Cli.Result result = run("retrieveUser", "ids=u-1", "--format", "table");
        assertEquals("""
                uid              uuid  first_name  roles
                ana@example.com  u-1   Ana         a,b
                bo@example.com   u-2   Bo, Jr
                """, result.out());
    }

    @Test
    void csvQuotesWhatNeedsItAndTakesChosenColumnsWithDottedPaths() {
        Cli.Result result = run("retrieveUser", "ids=u-1", "--format", "csv", "--columns", "uid,meta.team,first_name");
        assertEquals("uid,meta.team,first_name\r\nana@example.com,blue,Ana\r\nbo@example.com,red,\"Bo, Jr\"\r\n", result.out());
    }

    @Test
    void yamlAndJsonLinesWriteTheSameData() {
        assertTrue(run("retrieveUser", "ids=u-1", "--format", "yaml").out().contains("resources:\n- uuid: u-1\n"));
        assertEquals(2, run("retrieveUser", "ids=u-1", "--format", "jsonl").out().lines().count());
    }

    @Test
    void aQuerySelectsBeforeTheFormat() {
        assertEquals("[\"ana@example.com\",\"bo@example.com\"]\n", run("retrieveUser", "ids=u-1", "--query", "resources[].uid").out());
        assertEquals("\"ana@example.com\"\n\"bo@example.com\"\n",
                run("retrieveUser", "ids=u-1", "--query", "resources[].uid", "--format", "jsonl").out());
        assertEquals("blue\n", run("retrieveUser", "ids=u-1", "--query", "resources[0].meta.team", "--format", "csv")
                .out().lines().skip(1).findFirst().orElseThrow() + "\n");
    }

    @Test
    void allAppliesTheQueryAndTheFormatToEachRecord() {
        falcon.enqueue(FakeFalcon.json(200, "{\"meta\":{\"pagination\":{\"offset\":0,\"limit\":2,\"total\":2}},"
                + "\"resources\":" + USERS + ",\"errors\":[]}"));
        Cli.Result result = Cli.with(falcon.env()).run("retrieveUser", "ids=u-1", "--all", "--query", "uid",
                "--format", "csv", "--columns", "value");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("value\r\nana@example.com\r\nbo@example.com\r\n", result.out());
    }

    @Test
    void aBadQueryOrFormatIsAUsageErrorAndNothingIsSent() {
        Cli.Result query = Cli.with(falcon.env()).run("retrieveUser", "ids=u-1", "--query", "resources[");
        assertEquals(ExitCodes.USAGE, query.exitCode());
        assertTrue(query.err().contains("not a JMESPath expression"), query.err());
        Cli.Result format = Cli.with(falcon.env()).run("retrieveUser", "ids=u-1", "--format", "xml");
        assertEquals(ExitCodes.USAGE, format.exitCode());
        assertTrue(format.err().contains("use one of json, jsonl, yaml, table, csv"), format.err());
        Cli.Result columns = Cli.with(falcon.env()).run("retrieveUser", "ids=u-1", "--columns", "uid");
        assertEquals(ExitCodes.USAGE, columns.exitCode());
        assertEquals(0, falcon.requestCount());
    }
}
