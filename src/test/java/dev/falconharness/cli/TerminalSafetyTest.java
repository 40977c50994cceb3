package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Escape sequences from a server reach a terminal as visible text, and a pipe or file unaltered. */
class TerminalSafetyTest {
    /** Sets the window title, then clears the screen. */
    private static final String ATTACK = "\u001b]0;owned\u0007\u001b[2J";
    private final FakeFalcon falcon = new FakeFalcon();

    @AfterEach
    void stop() {
        falcon.close();
    }

    private static MockResponse errorWith(String message) {
        return FakeFalcon.json(400, "{\"meta\":{},\"resources\":[],\"errors\":[{\"code\":400,\"message\":\""
                + message.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007") + "\"}]}");
    }

    @Test
    void anApiErrorMessageIsCleanedOnATerminal() {
        falcon.enqueue(errorWith("bad ids " + ATTACK));

        Cli.Result result = Cli.with(falcon.env()).terminal().run("GetRoles", "ids=a");

        assertEquals(ExitCodes.API_ERROR, result.exitCode());
        assertFalse(result.err().contains("\u001b"), result.err());
        assertTrue(result.err().contains("bad ids \\u001b]0;owned\\u0007\\u001b[2J"), result.err());
    }

    @Test
    void anApiErrorMessageGoesToAFileUnaltered() {
        falcon.enqueue(errorWith("bad ids " + ATTACK));

        Cli.Result result = Cli.with(falcon.env()).run("GetRoles", "ids=a");

        assertTrue(result.err().contains("bad ids " + ATTACK), result.err());
    }

    @Test
    void aTextBodyIsCleanedOnATerminalButPipedAsItsBytes() {
        String page = "line one\r\nline two\t" + ATTACK + "\n";
        falcon.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(page));
        Cli.Result shown = Cli.with(falcon.env()).terminal().run("GetRoles", "ids=a");
        falcon.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(page));
        Cli.Result piped = Cli.with(falcon.env()).run("GetRoles", "ids=a");

        assertTrue(shown.out().contains("line one\r\nline two\t\\u001b]0;owned\\u0007\\u001b[2J\n"), shown.out());
        assertArrayEquals(page.getBytes(StandardCharsets.UTF_8), piped.raw());
    }

    @Test
    void tableCellsAreCleanedOnATerminal() {
        falcon.enqueue(FakeFalcon.envelope(200, "[{\"id\":\"r1\",\"name\":\"x\\u001b[31mred\\u202eevil\"}]"));

        Cli.Result result = Cli.with(falcon.env()).terminal().run("GetRoles", "ids=a", "--format", "table");

        assertFalse(result.out().contains("\u001b") || result.out().contains("\u202e"), result.out());
        assertTrue(result.out().contains("x\\u001b[31mred\\u202eevil"), result.out());
    }

    @Test
    void recordsOfAllPagesAreCleanedOnATerminal() {
        falcon.enqueue(FakeFalcon.envelope(200, "[{\"id\":\"r1\",\"name\":\"a\\u009b2Jb\"}]"));

        Cli.Result result = Cli.with(falcon.env()).terminal().run("GetRoles", "ids=a", "--all", "--format", "csv");

        assertFalse(result.out().contains("\u009b"), result.out());
        assertTrue(result.out().contains("\\u009b2J"), result.out());
    }

    @Test
    void anOperationIdWithALineBreakIsEchoedEscaped() {
        Cli.Result result = Cli.with(Map.of()).run("Get\r\nRoles");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("Get\\r\\nRoles"), result.err());
        assertFalse(result.err().contains("\r"), result.err());
        assertFalse(result.err().contains("Get\n"), result.err());
    }

    @Test
    void aMalformedWordWithALineBreakIsEchoedEscaped() {
        Cli.Result result = Cli.with(falcon.env()).run("GetRoles", "ids\n\u001b[2J");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("ids\\n\\u001b[2J"), result.err());
    }

    @Test
    void cleanKeepsNewlinesTabsAndCrlfAndEscapesTheRest() {
        assertEquals("a\nb\tc\r\nd", TerminalText.clean("a\nb\tc\r\nd"));
        assertEquals("x\\u000dy\\u001b[0m\\u007f\\u009b\\u202e\\u2066", TerminalText.clean("x\ry\u001b[0m\u007f\u009b\u202e\u2066"));
        assertEquals("plain é 日本", TerminalText.clean("plain é 日本"));
        assertEquals("a\\r\\nb\\tc\\u001b", TerminalText.escape("a\r\nb\tc\u001b"));
    }

    @Test
    void theCleaningWriterHoldsACarriageReturnUntilItSeesWhatFollows() {
        StringWriter target = new StringWriter();
        PrintWriter out = TerminalText.cleaning(new PrintWriter(target), true);
        out.print("a\r");
        out.print("\nb\r");
        out.print("c\u001b");
        out.flush();

        assertEquals("a\r\nb\\u000dc\\u001b", target.toString());
        StringWriter plain = new StringWriter();
        PrintWriter untouched = new PrintWriter(plain);
        assertTrue(TerminalText.cleaning(untouched, false) == untouched, "a pipe or file gets the writer itself");
    }
}
