package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code falcon batch}: many calls from JSON lines, one token, one result line per input line. */
class BatchTest {
    private final FakeFalcon falcon = new FakeFalcon();
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        falcon.close();
    }

    private List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        for (String line : out.split("\n")) {
            results.add(mapper.readTree(line));
        }
        return results;
    }

    @Test
    void fiveHundredCallsShareOneToken() throws IOException {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            input.append("{\"op\": \"GetRoles\", \"params\": {\"ids\": [\"role-").append(i).append("\"]}}\n");
        }
        Path calls = Files.writeString(dir.resolve("calls.jsonl"), input);

        Cli.Result result = Cli.with(falcon.env()).run("batch", calls.toString(), "--parallel", "8");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(1, falcon.tokenRequests(), "one token for every call");
        assertEquals(500, falcon.calls().size());
        Set<Long> numbers = new TreeSet<>();
        for (JsonNode line : lines(result.out())) {
            assertEquals(200, line.get("status").asInt(), line.toString());
            numbers.add(line.get("line").asLong());
        }
        assertEquals(500, numbers.size());
        assertEquals(1L, ((TreeSet<Long>) numbers).first());
        assertEquals(500L, ((TreeSet<Long>) numbers).last());
        Set<String> sent = new TreeSet<>();
        falcon.calls().forEach(call -> sent.add(call.getRequestUrl().queryParameter("ids")));
        assertTrue(sent.contains("role-0") && sent.contains("role-499") && sent.size() == 500, "each line's own call");
    }

    @Test
    void aBadLineIsReportedOnItsOwnLineAndTheOthersStillRun() throws IOException {
        falcon.enqueue(FakeFalcon.envelope(200, "[\"a\"]")).enqueue(FakeFalcon.envelope(200, "[\"b\"]"));
        String input = "{\"op\": \"GetRoles\", \"params\": {\"ids\": \"a\"}}\n\n# a comment\n{\"op\": \"NoSuchOp\"}\n"
                + "not json\n{\"op\": \"GetRoles\", \"params\": {\"ids\": [\"b\"]}, \"extra\": 1}\n"
                + "{\"op\": \"CreateUser\", \"body\": {\"uid\": \"ana@example.com\"}}\n";

        Cli.Result result = Cli.with(falcon.env()).stdin(input).run("batch", "--parallel", "1");

        List<JsonNode> out = lines(result.out());
        assertEquals(5, out.size(), result.out());
        assertEquals(1, out.get(0).get("line").asInt());
        assertEquals(200, out.get(0).get("status").asInt());
        assertEquals(4, out.get(1).get("line").asInt());
        assertEquals(ExitCodes.USAGE, out.get(1).get("exit").asInt());
        assertTrue(out.get(2).get("error").asText().startsWith("not a JSON object"), out.get(2).toString());
        assertTrue(out.get(3).get("error").asText().contains("unknown key \"extra\""), out.get(3).toString());
        assertEquals(7, out.get(4).get("line").asInt());
        assertEquals("{\"uid\":\"ana@example.com\"}", falcon.calls().get(1).getBody().readUtf8());
        assertEquals(ExitCodes.USAGE, result.exitCode(), "the first failed line decides the exit status");
    }

    @Test
    void anApiErrorMakesExitThree() {
        falcon.enqueue(FakeFalcon.envelope(404, "[]"));
        Cli.Result result = Cli.with(falcon.env()).stdin("{\"op\": \"GetRoles\", \"params\": {\"ids\": [\"x\"]}}\n")
                .run("batch");
        assertEquals(ExitCodes.API_ERROR, result.exitCode());
        assertTrue(result.out().contains("\"status\":404"), result.out());
    }

    @Test
    void connectionOptionsMayComeBeforeTheCommand() {
        Cli.Result result = Cli.with(java.util.Map.of()).stdin("{\"op\": \"GetRoles\", \"params\": {\"ids\": [\"falcon_admin\"]}}\n")
                .run("--sandbox", "batch");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("\"id\":\"falcon_admin\""), result.out());
    }
}
