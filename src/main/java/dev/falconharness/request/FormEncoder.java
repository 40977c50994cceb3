package dev.falconharness.request;

import dev.falconharness.http.PercentEncoder;
import dev.falconharness.http.Redaction;
import dev.falconharness.http.RequestBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes {@code formData} parameters: URL-encoded when there are no files, {@code multipart/form-data}
 * otherwise ({@link MultipartBody}, which streams files from disk as it is sent). Not thread-safe; one per
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
        MultipartBody.Builder builder = new MultipartBody.Builder();
        List<String> preview = new ArrayList<>();
        for (Object[] field : fields) {
            String name = (String) field[0];
            if (field[1] instanceof FilePart part) {
                builder.file(name, part);
                preview.add(name + "=<file " + part.filename() + ", " + part.length() + " bytes, " + part.contentType() + ">");
            } else {
                String value = (String) field[1];
                builder.field(name, value);
                preview.add(name + "=" + (Redaction.isSecretName(name) ? Redaction.MASK : value));
            }
        }
        return builder.build("<multipart/form-data: " + String.join(", ", preview) + ">");
    }
}
