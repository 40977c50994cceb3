package dev.falconharness.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multipart/form-data writer: exact framing, safe names, files read lazily and at their announced size. */
class MultipartBodyTest {
    private static final String B = "b0undary";

    @TempDir
    Path dir;

    @Test
    void fieldsAndFilesAreFramedAsBrowsersFrameThem() throws IOException {
        Path sample = Files.write(dir.resolve("sample.exe"), new byte[] {'M', 'Z', 0, (byte) 0xff});
        MultipartBody body = new MultipartBody.Builder(B)
                .file("sample", FilePart.of(sample))
                .field("comment", "naïve café")
                .file("notes", FilePart.of("notes.txt", "hi".getBytes(StandardCharsets.UTF_8)).withContentType("text/plain"))
                .build("preview");
        String expected = "--b0undary\r\n"
                + "Content-Disposition: form-data; name=\"sample\"; filename=\"sample.exe\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "MZ\u0000\u00ff\r\n"
                + "--b0undary\r\n"
                + "Content-Disposition: form-data; name=\"comment\"\r\n\r\n"
                + "na\u00c3\u00afve caf\u00c3\u00a9\r\n"
                + "--b0undary\r\n"
                + "Content-Disposition: form-data; name=\"notes\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "hi\r\n"
                + "--b0undary--\r\n";
        assertEquals(expected, new String(read(body), StandardCharsets.ISO_8859_1));
        assertEquals(expected.length(), body.contentLength());
        assertEquals("multipart/form-data; boundary=b0undary", body.contentType());
        assertEquals("preview", body.preview());
    }

    @Test
    void quotesAndLineBreaksInNamesArePercentEncodedAndOtherCharactersStayUtf8() throws IOException {
        MultipartBody body = new MultipartBody.Builder(B)
                .file("a\"b", FilePart.of("r\u00e9sum\u00e9 \"final\"\r\n.pdf", new byte[0]))
                .build("");
        String text = new String(read(body), StandardCharsets.UTF_8);
        assertTrue(text.contains("Content-Disposition: form-data; name=\"a%22b\"; filename=\"r\u00e9sum\u00e9 %22final%22%0D%0A.pdf\"\r\n"),
                text);
    }

    @Test
    void aContentTypeThatWouldAddAHeaderLineIsRefusedWithTheFieldName() {
        FilePart part = FilePart.of("x.bin", new byte[1]).withContentType("text/plain\r\nX-Injected: 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MultipartBody.Builder(B).file("upload", part));
        assertTrue(e.getMessage().contains("form field upload"), e.getMessage());
        assertTrue(e.getMessage().contains("text/plain\\r\\nX-Injected: 1"), e.getMessage());
    }

    @Test
    void eachOpenStartsAgainFromTheFirstByteSoARetrySendsTheSameBody() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "content");
        MultipartBody body = new MultipartBody.Builder(B).field("k", "v").file("f", FilePart.of(file)).build("");
        assertArrayEquals(read(body), read(body));
    }

    @Test
    void aFileIsOpenedOnlyWhenTheStreamReachesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("later.txt"), "content");
        MultipartBody body = new MultipartBody.Builder(B).field("first", "value").file("f", FilePart.of(file)).build("");
        Files.delete(file);
        try (InputStream in = body.open()) {
            byte[] head = in.readNBytes(("--" + B + "\r\n").length());
            assertEquals("--" + B + "\r\n", new String(head, StandardCharsets.US_ASCII));
            assertThrows(NoSuchFileException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
        }
    }

    @Test
    void aFileThatShrankSinceTheRequestWasBuiltFailsTheUploadNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("log.txt"), "0123456789");
        MultipartBody body = new MultipartBody.Builder(B).file("f", FilePart.of(file)).build("");
        Files.writeString(file, "0123");
        IOException e = assertThrows(IOException.class, () -> read(body));
        assertTrue(e.getMessage().contains("log.txt shrank"), e.getMessage());
    }

    @Test
    void aFileThatGrewSinceTheRequestWasBuiltFailsTheUploadToo() throws IOException {
        Path file = Files.writeString(dir.resolve("log.txt"), "0123");
        MultipartBody body = new MultipartBody.Builder(B).file("f", FilePart.of(file)).build("");
        Files.writeString(file, "0123456789");
        IOException e = assertThrows(IOException.class, () -> read(body));
        assertTrue(e.getMessage().contains("log.txt grew"), e.getMessage());
    }

    @Test
    void aLargeFileStreamsThroughInFullWithTheAnnouncedLength() throws IOException {
        Path big = dir.resolve("big.bin");
        long size = 64L << 20;
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(size);   // sparse on most file systems: no 64 MiB written to disk
        }
        MultipartBody body = new MultipartBody.Builder(B).file("f", FilePart.of(big)).field("k", "v").build("");
        long framing = body.contentLength() - size;
        try (InputStream in = body.open()) {
            assertEquals(body.contentLength(), in.transferTo(OutputStream.nullOutputStream()));
        }
        assertTrue(framing > 0 && framing < 300, "framing bytes: " + framing);
    }

    @Test
    void boundariesAreRandomAndUseOnlyTokenCharacters() {
        String one = MultipartBody.randomBoundary();
        String two = MultipartBody.randomBoundary();
        assertNotEquals(one, two);
        assertTrue(one.matches("[-_0-9A-Za-z]{32}"), one);
    }

    @Test
    void theStreamReadsByteByByteToo() throws IOException {
        MultipartBody body = new MultipartBody.Builder(B).field("k", "v").build("");
        byte[] all = read(body);
        try (InputStream in = body.open()) {
            for (byte b : all) {
                assertEquals(b & 0xff, in.read());
            }
            assertEquals(-1, in.read());
        }
    }

    private static byte[] read(MultipartBody body) throws IOException {
        try (InputStream in = body.open()) {
            return in.readAllBytes();
        }
    }
}
