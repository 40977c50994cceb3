package dev.falconharness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.falconharness.http.Headers;
import dev.falconharness.http.MediaTypes;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.schema.Schema;
import dev.falconharness.schema.SchemaProblem;
import dev.falconharness.schema.SchemaValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * The answer to a call: status, headers, the body as received, and helpers for the Falcon envelope
 * ({@code meta}, {@code resources}, {@code errors}). HTTP errors are answers too: a 404 is returned, not
 * thrown; {@link #orThrow()} turns a non-2xx into an {@link ApiException}.
 *
 * <pre>{@code
 * ApiResponse r = falcon.command("GetRoles", Map.of("ids", List.of("falcon_admin")));
 * if (r.isSuccessful()) r.resources().forEach(role -> System.out.println(role.path("display_name").asText()));
 * else System.err.println(r.statusCode() + " " + r.errors() + " trace " + r.traceId());
 * }</pre>
 *
 * <p>A body that is not JSON (a binary download, an HTML error page) keeps its real status and bytes:
 * {@link #bytes()}, {@link #bodyStream()}, {@link #saveTo(Path)}. The JSON is decoded on first use and
 * kept. Thread-safe.
 *
 * <p>Typed access and shape checks: {@link #resourcesAs(Class)} maps {@code resources} to your record or
 * POJO; {@link #schemaProblems()} and {@link #checkSchema()} hold the body to the schema the manifest
 * documents for the operation and status (manifest format 2), for test harnesses.
 */
public final class ApiResponse {
    /** The default cap on a body held in memory, gzip undone: {@value} bytes (64 MiB). */
    static final long DEFAULT_MAX_BODY = 64L << 20;

    private final RawResponse raw;
    private final ObjectMapper mapper;
    private final long maxBody;
    private final Manifest manifest;
    private volatile byte[] content;
    private volatile JsonNode json;

    ApiResponse(RawResponse raw, ObjectMapper mapper) {
        this(raw, mapper, null, DEFAULT_MAX_BODY);
    }

    /**
     * {@code manifest} describes the operation the request called (null: no response schemas known);
     * {@code maxBody} caps the body held in memory, gzip undone.
     */
    ApiResponse(RawResponse raw, ObjectMapper mapper, Manifest manifest, long maxBody) {
        this.raw = raw;
        this.mapper = mapper;
        this.manifest = manifest;
        this.maxBody = maxBody;
    }

    public int statusCode() {
        return raw.status();
    }

    /** True for 2xx. */
    public boolean isSuccessful() {
        return raw.status() >= 200 && raw.status() < 300;
    }

    /** All response headers; lookups ignore case. */
    public Headers headers() {
        return raw.headers();
    }

    /** The first value of a header, ignoring the name's case. */
    public Optional<String> header(String name) {
        return raw.headers().value(name);
    }

    /** The operation that was called, or null for a raw request. */
    public String operationId() {
        return raw.request().operationId();
    }

    /** The operation that was called, as its manifest describes it; empty for a raw request. */
    public Optional<Operation> operation() {
        String id = operationId();
        return id == null || manifest == null ? Optional.empty() : Optional.ofNullable(manifest.operation(id));
    }

    /** The request as sent (credentials masked in its {@code toString()}). */
    public PreparedRequest request() {
        return raw.request();
    }

    /** Time from sending the request to receiving the last byte of the answer. */
    public Duration elapsed() {
        return raw.elapsed();
    }

    public Optional<String> contentType() {
        return header("Content-Type");
    }

    /**
     * The body bytes, gzip already undone when the server compressed them. Do not modify the array.
     *
     * @throws ResponseTooLargeException if the body inflates past the harness's cap (a gzip bomb)
     */
    public byte[] bytes() {
        byte[] decoded = content;
        if (decoded == null) {
            decoded = decode();
            content = decoded;
        }
        return decoded;
    }

    private byte[] decode() {
        boolean gzip = header("Content-Encoding").map(e -> e.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
        if (!gzip || raw.body().length == 0) {
            return raw.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw.body()))) {
            // Read one byte past the cap: enough to know the cap was passed, never more.
            byte[] inflated = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            if (inflated.length > maxBody) {
                throw new ResponseTooLargeException("the " + raw.body().length + "-byte gzip answer inflates past the "
                        + maxBody + "-byte cap on bodies held in memory; stream it with Harness.download(...) "
                        + "or raise HarnessBuilder.maxBufferedBody(...)", maxBody, null);
            }
            return inflated;
        } catch (IOException e) {
            return raw.body();
        }
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** A stream over the body. */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(bytes());
    }

    /** Writes the body to {@code file} (replacing it) and returns the file. */
    public Path saveTo(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the response body to " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when the body is a JSON document. */
    public boolean isJson() {
        return !body().isMissingNode();
    }

    /** The body as JSON, or a missing node when it is empty or not JSON. Decoded once. */
    public JsonNode body() {
        JsonNode node = json;
        if (node == null) {
            node = parse();
            json = node;
        }
        return node;
    }

    private JsonNode parse() {
        byte[] bytes = bytes();
        if (bytes.length == 0 || !looksLikeJson()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = mapper.readTree(bytes);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean looksLikeJson() {
        String type = contentType().orElse("").toLowerCase(Locale.ROOT);
        // Lenient on purpose: an answer without a type, or text/plain, is often JSON all the same.
        return type.isEmpty() || MediaTypes.isJson(type) || type.startsWith("text/plain");
    }

    /** The envelope's {@code resources} as a list; empty when absent. */
    public List<JsonNode> resources() {
        JsonNode resources = body().path("resources");
        List<JsonNode> list = new ArrayList<>(resources.size());
        resources.forEach(list::add);
        return list;
    }

    /**
     * The envelope's {@code resources} mapped to {@code type} with this harness's Jackson mapper; fields
     * the type does not declare are ignored (the API adds fields over time).
     *
     * <pre>{@code
     * record Role(String id, String display_name) {}
     * List<Role> roles = falcon.command("GetRoles", Map.of("ids", "falcon_admin")).resourcesAs(Role.class);
     * }</pre>
     *
     * @throws ResponseMappingException naming the resource and field when one does not fit the type,
     *                                  or when the body has no {@code resources} array
     */
    public <T> List<T> resourcesAs(Class<T> type) {
        JsonNode resources = body().path("resources");
        if (!resources.isArray()) {
            throw new ResponseMappingException("The response of " + operationId() + " (" + statusCode() + ") has no \"resources\""
                    + " array to map to " + type.getSimpleName() + "; its body is " + prettyBodySummary(), null);
        }
        ObjectReader reader = mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<T> list = new ArrayList<>(resources.size());
        for (int i = 0; i < resources.size(); i++) {
            try {
                list.add(reader.readValue(resources.get(i)));
            } catch (IOException | IllegalArgumentException e) {
                String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                throw new ResponseMappingException("resources[" + i + "] of " + operationId() + " does not map to "
                        + type.getName() + ": " + why, e);
            }
        }
        return list;
    }

    private String prettyBodySummary() {
        return isJson() ? abbreviate(body().toString()) : "<" + bytes().length + " bytes, not JSON>";
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    /**
     * Every way the body differs from the schema the manifest documents for this operation and status
     * (that code's, else {@code default}'s), each with its JSON pointer; empty when it matches, or when
     * there is no schema to check against (a raw request, a format 1 manifest, a status documented
     * without a body). Fields the schema does not declare are allowed, as JSON Schema says.
     */
    public List<SchemaProblem> schemaProblems() {
        if (statusCode() == 204 || statusCode() == 205 || statusCode() == 304 || "HEAD".equals(request().method())) {
            // HTTP gives these answers no body, whatever a schema says.
            return List.of();
        }
        Optional<Schema> schema = operation().flatMap(op -> op.responseSchema(statusCode()));
        if (schema.isEmpty() || schema.get().isBinary()) {
            return List.of();
        }
        if (!isJson()) {
            return List.of(new SchemaProblem("", "expected a JSON body, got " + bytes().length + " bytes"
                    + contentType().map(t -> " of " + t).orElse("")));
        }
        return SchemaValidator.forResponses(mapper).validate(schema.get(), body(), "", "the response");
    }

    /**
     * This response, if it matches its documented schema (see {@link #schemaProblems()}).
     *
     * @throws SchemaMismatchException listing every mismatch with its pointer
     */
    public ApiResponse checkSchema() {
        List<SchemaProblem> problems = schemaProblems();
        if (!problems.isEmpty()) {
            throw new SchemaMismatchException(operationId(), statusCode(), problems);
        }
        return this;
    }

    /** The envelope's {@code errors}; empty when absent or null. */
    public List<ApiError> errors() {
        List<ApiError> errors = new ArrayList<>();
        for (JsonNode error : body().path("errors")) {
            errors.add(new ApiError(error.path("code").asInt(0), error.path("message").asText(""),
                    error.path("id").isMissingNode() || error.path("id").isNull() ? null : error.path("id").asText()));
        }
        return errors;
    }

    /** The envelope's {@code meta}, or a missing node. */
    public JsonNode meta() {
        return body().path("meta");
    }

    /** The trace ID to quote to support: the {@code X-Cs-Traceid} header, else {@code meta.trace_id}; or null. */
    public String traceId() {
        return header("X-Cs-Traceid").orElseGet(() -> {
            JsonNode id = meta().path("trace_id");
            return id.isTextual() ? id.asText() : null;
        });
    }

    /** The envelope's {@code meta.pagination}, read leniently (every field may be absent). */
    public Pagination pagination() {
        return Pagination.of(meta().path("pagination"));
    }

    /** The {@code X-Ratelimit-*} headers. */
    public RateLimit rateLimit() {
        return new RateLimit(longHeader("X-Ratelimit-Limit"), longHeader("X-Ratelimit-Remaining"),
                longHeader("X-Ratelimit-Retryafter"));
    }

    private OptionalLong longHeader(String name) {
        try {
            return header(name).map(v -> OptionalLong.of(Long.parseLong(v.strip()))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** This response if it is 2xx; otherwise an {@link ApiException} with status, trace ID and errors. */
    public ApiResponse orThrow() {
        if (!isSuccessful()) {
            throw new ApiException(this);
        }
        return this;
    }

    /** The body pretty-printed when it is JSON, else a short summary of what it is. */
    public String prettyBody() {
        if (!isJson()) {
            return "<" + bytes().length + " bytes" + contentType().map(t -> " of " + t).orElse("") + ">";
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Status, operation, size on the wire and trace ID; never decodes the body, so it cannot fail. */
    @Override
    public String toString() {
        String trace = header("X-Cs-Traceid").orElse(null);
        return "ApiResponse{" + statusCode() + (operationId() != null ? " " + operationId() : "")
                + ", " + raw.body().length + " bytes" + (trace != null ? ", trace id " + trace : "") + "}";
    }

    /** Wraps a raw response; for stages and tools built on the harness. It knows no schemas. */
    public static ApiResponse of(RawResponse raw, ObjectMapper mapper) {
        return new ApiResponse(raw, mapper);
    }

    /** Wraps a raw response to a call of an operation of {@code manifest}, so that its schemas can be checked. */
    public static ApiResponse of(RawResponse raw, ObjectMapper mapper, Manifest manifest) {
        return new ApiResponse(raw, mapper, manifest, DEFAULT_MAX_BODY);
    }

    /**
     * One entry of the envelope's {@code errors}.
     *
     * @param code    the API's code, which can be finer than the HTTP status (e.g. 40014); 0 if absent
     * @param message the API's message
     * @param id      the entity it concerns, or null
     */
    public record ApiError(int code, String message, String id) {
        @Override
        public String toString() {
            boolean idInMessage = id != null && message.contains(id);
            return (code != 0 ? code + " " : "") + message + (id != null && !idInMessage ? " (" + id + ")" : "");
        }
    }

    /**
     * The {@code X-Ratelimit-*} headers: the budget per minute, what is left of it, and (on a 429) when to
     * try again, in epoch seconds or milliseconds as the server sent it.
     */
    public record RateLimit(OptionalLong limit, OptionalLong remaining, OptionalLong retryAfter) {
    }
}
