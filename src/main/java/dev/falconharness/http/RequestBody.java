package dev.falconharness.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content of a request: its media type and a way to read it, as many times as needed (a retried
 * request sends its body again). Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * RequestBody json = RequestBody.of("application/json", "{\"uid\":\"ana@example.com\"}".getBytes(UTF_8));
 * RequestBody upload = RequestBody.of("application/octet-stream", Path.of("sample.bin"));
 * }</pre>
 */
public interface RequestBody {

    /** The {@code Content-Type} header value. */
    String contentType();

    /** The length in bytes, or -1 when it is known only after writing. */
    long contentLength();

    /** A new stream over the whole content; each call starts again from the first byte. */
    InputStream open() throws IOException;

    /**
     * The content for humans (dry runs, debug logs), with secrets masked: text for JSON and forms, a
     * summary for binary content.
     */
    String preview();

    /** In-memory content. */
    static RequestBody of(String contentType, byte[] bytes) {
        return new Bytes(contentType, bytes.clone());
    }

    /** The content of a file, read when the request is sent. */
    static RequestBody of(String contentType, Path file) {
        return new FileContent(contentType, file);
    }

    /** In-memory content; the array is owned by the body from now on. */
    record Bytes(String contentType, byte[] bytes) implements RequestBody {
        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String preview() {
            if (MediaTypes.isJson(contentType)) {
                return Redaction.json(new String(bytes, StandardCharsets.UTF_8));
            }
            if (contentType.startsWith("application/x-www-form-urlencoded")) {
                return Redaction.form(new String(bytes, StandardCharsets.UTF_8));
            }
            return "<" + bytes.length + " bytes of " + contentType + ">";
        }

        @Override
        public String toString() {
            return "RequestBody{" + contentType + ", " + bytes.length + " bytes}";
        }
    }

    /** A file's content, read from disk on each send. */
    record FileContent(String contentType, Path file) implements RequestBody {
        @Override
        public long contentLength() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public String preview() {
            return "<" + contentType + " from file " + file + ", " + contentLength() + " bytes>";
        }
    }
}
