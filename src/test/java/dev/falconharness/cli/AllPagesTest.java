package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --all}: every page's records as JSON lines or one array, and what a failing page does. */
class AllPagesTest {
    private final FakeFalcon falcon = new FakeFalcon();

    @AfterEach
    void stop() {
        falcon.close();
    }

    private static MockResponse page(int offset, String... ids) {
        StringBuilder resources = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            resources.append(i > 0 ? "," : "").append('"').append(ids[i]).append('"');
        }
        return FakeFalcon.json(200, "{\"meta\":{\"pagination\":{\"offset\":" + offset + ",\"limit\":2,\"total\":5}},"
                + "\"resources\":" + resources + "],\"errors\":[]}");
    }

    private void threePages() {
        falcon.enqueue(page(0, "u1", "u2")).enqueue(page(2, "u3", "u4")).enqueue(page(4, "u5"));
    }

    @Test
    void allPrintsEveryRecordAsJsonLines() {
        threePages();
        Cli.Result result = Cli.with(falcon.env()).run("queryUserV1", "limit=2", "--all");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("\"u1\"\n\"u2\"\n\"u3\"\n\"u4\"\n\"u5\"\n", result.out());
        assertEquals(3, falcon.calls().size());
        assertTrue(falcon.calls().get(2).getPath().endsWith("offset=4&limit=2"), falcon.calls().get(2).getPath());
    }

    @Test
    void arrayMergesEveryPageIntoOneJsonArray() {
        threePages();
        Cli.Result result = Cli.with(falcon.env()).run("queryUserV1", "limit=2", "--all", "--array");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("[\"u1\",\"u2\",\"u3\",\"u4\",\"u5\"]\n", result.out());
    }

    @Test
    void aFailingPageKeepsWhatWasPrintedAndExitsWithTheApiErrorCode() {
        falcon.enqueue(page(0, "u1", "u2")).enqueue(FakeFalcon.json(500, "{\"errors\":[{\"code\":500,\"message\":\"boom\"}]}"));
        Cli.Result result = Cli.with(falcon.env()).run("queryUserV1", "limit=2", "--all", "--retries", "0");
        assertEquals(ExitCodes.API_ERROR, result.exitCode(), result.err());
        assertEquals("\"u1\"\n\"u2\"\n", result.out());
        assertTrue(result.err().contains("falcon: page 2 of queryUserV1 failed with HTTP 500 after 2 records"), result.err());
    }

    @Test
    void progressShowsOnStderrWhenItIsATerminalEvenWithStdoutRedirected() {
        threePages();
        Cli.Result result = Cli.with(falcon.env()).stderrTerminal().run("queryUserV1", "limit=2", "--all");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("\r3 pages, 5 records"), result.err());
        assertEquals("\"u1\"\n\"u2\"\n\"u3\"\n\"u4\"\n\"u5\"\n", result.out(), "the progress stays off stdout");
    }

    @Test
    void noProgressWhenStderrIsNotATerminal() {
        threePages();
        Cli.Result result = Cli.with(falcon.env()).run("queryUserV1", "limit=2", "--all");
        assertTrue(!result.err().contains("records"), result.err());
    }

    @Test
    void arrayWithoutAllIsAUsageError() {
        Cli.Result result = Cli.with(falcon.env()).run("queryUserV1", "--array");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("--array only shapes the output of --all"), result.err());
    }
}
