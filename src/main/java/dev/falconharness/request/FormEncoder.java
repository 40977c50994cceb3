package dev.falconharness.request;

import dev.falconharness.http.Redaction;
import dev.falconharness.http.RequestBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Encodes {@code formData} parameters: URL-encoded when there are no files, {@code multipart/form-data}
 * otherwise. Multipart framing is delegated to Apache HttpClient's MIME writer. Not thread-safe; one per
 * call.
 */
final class FormEncoder {
    static final String URL_ENCODED = "application/x-www-form-urlencoded";
    static final String MULTIPART = "multipart/form-data";

    private final List<Object[]> fields = new ArrayList<>();

    void field(String name, String value) {
        fields.add(new Object[] {name, value});
    }

    void file(String name, FilePart part) {
        fields.add(new Object[] {name, part});
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    RequestBody encode(boolean multipart) {
        return multipart ? multipart() : urlEncoded();
    }

    private RequestBody urlEncoded() {
        StringBuilder out = new StringBuilder();
        for (Object[] field : fields) {
            if (out.length() > 0) {
                out.append('&');
            }
            PercentEncoder.append(out, (String) field[0]);
            out.append('=');
            PercentEncoder.append(out, (String) field[1]);
        }
        return RequestBody.of(URL_ENCODED, out.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private RequestBody multipart() {
        // Browser-style framing (UTF-8 names, no per-field Content-Type, no charset on the outer type):
        // what the Falcon upload endpoints and most servers expect.
        MultipartEntityBuilder builder = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.LEGACY)
                .setCharset(StandardCharsets.UTF_8)
                .setContentType(ContentType.create(MULTIPART));
        List<String> preview = new ArrayList<>();
        for (Object[] field : fields) {
            String name = (String) field[0];
            if (field[1] instanceof FilePart part) {
                ContentType type = ContentType.parse(part.contentType());
                if (part.bytes() != null) {
                    builder.addBinaryBody(name, part.bytes(), type, part.filename());
                } else {
                    builder.addBinaryBody(name, part.path().toFile(), type, part.filename());
                }
                preview.add(name + "=<file " + part.filename() + ", " + part.length() + " bytes, " + part.contentType() + ">");
            } else {
                String value = (String) field[1];
                builder.addTextBody(name, value, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
                preview.add(name + "=" + (Redaction.isSecretName(name) ? Redaction.MASK : value));
            }
        }
        return new Multipart(builder.build(), String.join(", ", preview));
    }

    /** A multipart body; small ones are written to memory, large ones streamed through a pipe. */
    record Multipart(HttpEntity entity, String fieldsPreview) implements RequestBody {
        private static final long IN_MEMORY_LIMIT = 8L << 20;

        @Override
        public String contentType() {
            return entity.getContentType();
        }

        @Override
        public long contentLength() {
            return entity.getContentLength();
        }

        @Override
        public InputStream open() throws IOException {
            long length = entity.getContentLength();
            if (length >= 0 && length <= IN_MEMORY_LIMIT) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) length);
                entity.writeTo(out);
                return new java.io.ByteArrayInputStream(out.toByteArray());
            }
            return piped();
        }

        /** Writes the parts on a helper thread; closing the returned stream stops the writer. */
        private InputStream piped() throws IOException {
            PipedInputStream in = new PipedInputStream(64 * 1024);
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (out) {
                    entity.writeTo(out);
                } catch (IOException e) {
                    // The reader closed early (call cancelled) or a file vanished: the stream ends short,
                    // and the client fails the upload on the Content-Length mismatch. Nothing to add here.
                }
            }, "falcon-harness-multipart");
            writer.setDaemon(true);
            writer.start();
            return in;
        }

        @Override
        public String preview() {
            return "<multipart/form-data: " + fieldsPreview + ">";
        }
    }
}
