package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --content-type} picks one of the types an operation accepts; anything else is refused unsent. */
class ContentTypeOptionTest {
    @TempDir
    Path dir;

    private Path manifest() throws IOException {
        Path file = dir.resolve("reports.json");
        Files.writeString(file, """
                {"format": "falcon-harness/manifest@2", "name": "reports", "baseUrl": "http://127.0.0.1:9",
                 "operations": [{"id": "putReport", "method": "PUT", "path": "/reports",
                   "consumes": ["application/json", "text/csv"],
                   "parameters": [{"name": "body", "in": "body", "required": true}]}]}
                """);
        return file;
    }

    @Test
    void aDeclaredTypeIsSentAsGivenAndJsonStaysTheDefault() throws IOException {
        Cli cli = Cli.with(Map.of());
        Cli.Result csv = cli.run("--manifest", manifest().toString(), "--dry-run", "putReport",
                "--content-type", "text/csv", "--body", "host,status\na,contained");
        assertEquals(0, csv.exitCode(), csv.out() + csv.err());
        assertTrue(csv.out().contains("Content-Type: text/csv"), csv.out());
        assertTrue(csv.out().contains("<23 bytes of text/csv>"), "sent byte for byte, not as JSON: " + csv.out());
        Cli.Result json = cli.run("--manifest", manifest().toString(), "--dry-run", "putReport", "--body", "{\"a\":1}");
        assertTrue(json.out().contains("Content-Type: application/json"), json.out());
    }

    @Test
    void aTypeTheOperationDoesNotAcceptIsAUsageErrorNamingTheAcceptedOnes() throws IOException {
        Cli.Result xml = Cli.with(Map.of()).run("--manifest", manifest().toString(), "--dry-run", "putReport",
                "--content-type", "application/xml", "--body", "<a/>");
        assertEquals(ExitCodes.USAGE, xml.exitCode(), xml.out() + xml.err());
        assertTrue(xml.err().contains("text/csv"), xml.err());
    }
}
