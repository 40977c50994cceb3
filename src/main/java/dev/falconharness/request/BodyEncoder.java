package dev.falconharness.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.falconharness.http.MediaTypes;
import dev.falconharness.http.Redaction;
import dev.falconharness.http.RequestBody;
import dev.falconharness.manifest.Parameter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the body argument into request content: JSON for maps, Jackson nodes, POJOs and JSON text;
 * raw bytes for {@code byte[]}, {@link Path} and {@link FilePart} arguments. Thread-safe.
 */
final class BodyEncoder {
    static final String JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";

    private final ObjectMapper mapper;
    private final ObjectReader strictReader;

    BodyEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.strictReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The content for {@code body}, or null with a problem recorded.
     *
     * @param consumes the operation's declared media type, or null for JSON
     */
    RequestBody encode(Parameter p, Object body, String consumes, Problems problems) {
        RequestBody raw = raw(body, consumes);
        if (raw != null) {
            return raw;
        }
        if (!isJson(consumes)) {
            problems.add(p, "this operation takes " + consumes + " content; pass a byte[], a Path or a FilePart, not "
                    + Values.describe(body));
            return null;
        }
        String type = consumes == null ? JSON : consumes;
        if (body instanceof CharSequence text) {
            return jsonText(p, type, text.toString(), problems);
        }
        try {
            return RequestBody.of(type, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            problems.add(p, Values.describe(body) + " cannot be written as JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    /** Binary arguments go as they are, whatever the operation declares. */
    private static RequestBody raw(Object body, String consumes) {
        String type = isJson(consumes) ? OCTET_STREAM : consumes;
        if (body instanceof byte[] bytes) {
            return RequestBody.of(type, bytes);
        }
        if (body instanceof Path path) {
            return RequestBody.of(type, path);
        }
        if (body instanceof File file) {
            return RequestBody.of(type, file.toPath());
        }
        if (body instanceof FilePart part) {
            return part.bytes() != null ? RequestBody.of(part.contentType(), part.bytes())
                    : RequestBody.of(part.contentType(), part.path());
        }
        return null;
    }

    /** JSON by {@link MediaTypes#isJson}; an operation that names no media type takes JSON. */
    static boolean isJson(String type) {
        return type == null || MediaTypes.isJson(type);
    }

    private RequestBody jsonText(Parameter p, String type, String text, Problems problems) {
        try {
            strictReader.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            // The parser quotes the text it choked on, which may be a secret's value: give its detail only
            // when the body has no secret-named field.
            String detail = Redaction.json(text).equals(text) ? ": " + e.getOriginalMessage() : "";
            problems.add(p, "the body string is not valid JSON" + where + detail
                    + " (pass a Map or a JsonNode to have it encoded for you)");
            return null;
        }
        return RequestBody.of(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Checks that a file argument can be read now, so a missing file fails validation, not the upload. */
    static boolean readable(Parameter p, Path path, Problems problems) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problems.add(p, "cannot read file " + path + " (not found, not a regular file, or not readable)");
            return false;
        }
        return true;
    }
}
