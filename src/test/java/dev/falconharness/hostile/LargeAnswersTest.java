package dev.falconharness.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.ResponseTooLargeException;
import dev.falconharness.ValidationException;
import dev.falconharness.testing.MockFalcon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers too large to hold, gzip bombs, streamed downloads, and header values the JDK would echo. */
class LargeAnswersTest {
    private final MockFalcon falcon = new MockFalcon();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        falcon.close();
    }

    private static MockResponse bytes(int size) {
        return new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody(new Buffer().write(new byte[size]));
    }

    @Test
    void anAnswerPastTheCapFailsWithATypedExceptionThatSaysToDownload() {
        try (Harness harness = falcon.builder().maxBufferedBody(1024).build()) {
            falcon.enqueueToken().enqueue(bytes(4096));
            ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, () -> harness.command("GetAvailableRoleIds"));
            assertEquals(1024, e.limit());
            assertTrue(e.getMessage().contains("download("), e.getMessage());
        }
    }

    @Test
    void anAnswerWithoutContentLengthIsCutAtTheCapToo() {
        try (Harness harness = falcon.builder().maxBufferedBody(1024).build()) {
            falcon.enqueueToken().enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream")
                    .setChunkedBody(new Buffer().write(new byte[64 * 1024]), 512));
            assertThrows(ResponseTooLargeException.class, () -> harness.command("GetAvailableRoleIds"));
        }
    }

    @Test
    void aGzipBombIsRefusedWhenItInflatesPastTheCapAndToStringNeverInflates() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        try (Harness harness = falcon.builder().maxBufferedBody(1 << 20).build()) {
            falcon.enqueueToken().enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setHeader("Content-Encoding", "gzip").setBody(new Buffer().write(packed.toByteArray())));
            ApiResponse bomb = harness.command("GetAvailableRoleIds");
            assertTrue(bomb.toString().contains(packed.size() + " bytes"), bomb.toString());
            ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, bomb::bytes);
            assertEquals(1 << 20, e.limit());
            assertThrows(ResponseTooLargeException.class, bomb::body);
        }
    }

    @Test
    void aDownloadStreamsToTheFileAndReplacesItOnlyWhenComplete() throws IOException {
        Path target = dir.resolve("installer.bin");
        Files.writeString(target, "old");
        try (Harness harness = falcon.builder().maxBufferedBody(1024).build()) {
            falcon.enqueueToken().enqueue(bytes(256 * 1024));
            ApiResponse saved = harness.download("GetAvailableRoleIds", Map.of(), target);
            assertEquals(200, saved.statusCode());
            assertEquals(256 * 1024, Files.size(target), "far past the in-memory cap, streamed to disk");
            assertEquals(List.of(target), listing());
        }
    }

    @Test
    void aFailedDownloadLeavesNothingAndKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "old");
        try (Harness harness = falcon.builder().build()) {
            falcon.enqueueToken().enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                    .setBody("{\"errors\":[{\"code\":404,\"message\":\"no such report\"}]}"));
            ApiResponse missing = harness.download("GetAvailableRoleIds", Map.of(), target);
            assertEquals(404, missing.statusCode());
            assertEquals("no such report", missing.errors().get(0).message());
            falcon.enqueue(bytes(100_000).throttleBody(10_000, 1, TimeUnit.SECONDS));
            Harness impatient = harness.withTimeout(java.time.Duration.ofMillis(300));
            assertThrows(dev.falconharness.NetworkException.class, () -> impatient.download("GetAvailableRoleIds", Map.of(), target));
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), listing(), "no temporary file left behind");
    }

    @Test
    void anOpenDownloadStreamsTheBodyToTheCallerAndAnErrorKeepsItsEnvelope() throws IOException {
        try (Harness harness = falcon.builder().maxBufferedBody(1024).build()) {
            falcon.enqueueToken().enqueue(bytes(300_000));
            try (dev.falconharness.Download download = harness.openDownload("GetAvailableRoleIds", Map.of())) {
                assertTrue(download.isSuccessful());
                assertEquals(300_000, download.body().transferTo(java.io.OutputStream.nullOutputStream()));
            }
            falcon.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
                    .setBody("{\"errors\":[{\"code\":403,\"message\":\"access denied\"}]}"));
            try (dev.falconharness.Download denied = harness.openDownload("GetAvailableRoleIds", Map.of())) {
                assertEquals(403, denied.statusCode());
                assertEquals("access denied", denied.response().errors().get(0).message());
                assertEquals(-1, denied.body().read());
            }
        }
    }

    @Test
    void aStalledOpenDownloadIsCutOffInsteadOfBlockingTheReaderForever() {
        try (Harness harness = falcon.builder().requestTimeout(java.time.Duration.ofMillis(300)).build()) {
            falcon.enqueueToken().enqueue(bytes(100_000).throttleBody(1000, 1, TimeUnit.SECONDS));
            try (dev.falconharness.Download slow = harness.openDownload("GetAvailableRoleIds", Map.of())) {
                assertThrows(IOException.class, () -> slow.body().transferTo(java.io.OutputStream.nullOutputStream()));
            }
        }
    }

    @Test
    void aDownloadIntoAMissingDirectoryIsRefusedBeforeAnythingIsSent() {
        try (Harness harness = falcon.builder().build()) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> harness.download("GetAvailableRoleIds", Map.of(), dir.resolve("no/such/dir/file.bin")));
            assertTrue(e.getMessage().contains("no such directory"), e.getMessage());
            assertEquals(0, falcon.requestCount());
        }
    }

    @Test
    void aHeaderValueWithCrLfIsRefusedNamingTheHeaderNeverItsValue() {
        try (Harness harness = falcon.builder().build()) {
            String sneaky = "abc\r\nX-Injected: s3cr3t-value";
            ValidationException e = assertThrows(ValidationException.class,
                    () -> harness.send(harness.prepare("GetAvailableRoleIds", Map.of(), null).withHeader("X-Trace", sneaky)));
            assertTrue(e.getMessage().contains("X-Trace"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
            assertEquals(0, falcon.requestCount());
        }
    }

    @Test
    void aBaseUrlWithAPasswordIsRefusedWithoutShowingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Harness.builder().baseUrl("https://ana:hunter2@api.example.com"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("credentials("), e.getMessage());
    }

    @Test
    void aGibibyteDownloadAndUploadWorkUnderA128MibHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                HugeTransfer.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("download 200 " + HugeTransfer.SIZE), output);
        assertTrue(output.contains("upload 201 " + HugeTransfer.SIZE), output);
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
