package dev.falconharness.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the built-in {@code falcon-harness/manifest@2} document from the two Falcon references: the
 * table ({@code falcon-operations.json}: FalconPy's operations, parameters as Swagger 2.0 parameter objects
 * with their enums and ranges) and the newer schemas file ({@code falcon-schemas.json}: goFalcon's
 * operations with request and response schemas, and the definitions they refer to). Usage:
 * {@code FalconTableConverter <falcon-operations.json> <falcon-schemas.json> <output-manifest.json>}.
 *
 * <p>Same inputs, same bytes (see {@link ManifestRendering} for the layout). Rules:
 * <ul>
 *   <li><b>Document.</b> {@code format}, {@code name} "falcon", {@code title}, {@code source} (the table's
 *       first sentence and the schemas file's source and goFalcon commit), {@code baseUrl}
 *       https://api.crowdstrike.com, {@code auth} (Falcon's OAuth2 client credentials: token and revoke URLs,
 *       the {@code X-Cs-Region} header, the {@code member_cid} field), {@code operations}: the table's in
 *       table order, then those only the schemas file has, in its order; {@code definitions}: those some
 *       operation's schemas reach, in the schemas file's order. Keys come in a fixed order; a key without a
 *       value (null, empty text or list, {@code false}) is left out, except {@code parameters}.</li>
 *   <li><b>Matching.</b> A table operation and a schemas operation are the same when method and path agree
 *       with placeholder names ignored ({@link FalconSpec}); ids are never compared. What each side gives
 *       is {@link SpecMerge}'s rule. A table operation without a counterpart gets {@code unpublished}.
 *       Operations only in the schemas file are added with ids spelt as the table spells them
 *       ({@link AddedOperationIds}).</li>
 *   <li><b>Operation.</b> {@code id} is the operationId verbatim (ids are case-sensitive), {@code method}
 *       upper-cased, {@code path} and {@code collection} as given. {@code responses} by status code, each
 *       with its description and, when it declares one, its schema.</li>
 *   <li><b>description / summary.</b> {@code description} is the table's text, trimmed, and left out when
 *       it equals {@code summary}. {@code summary} is that text with HTML tags stripped, whitespace
 *       collapsed, a leading {@code Deprecated:} notice removed (its first sentence plus directly following
 *       sentences starting "Please"), cut to the first sentence (ending at ". ", but not after "e.g." or
 *       "i.e.") and to at most 160 characters (on a word boundary, ending with "…"). When the notice is all
 *       there is, the whole collapsed description is cut that way instead.</li>
 *   <li><b>deprecated.</b> True when the description contains the word "deprecated" (any case), "will be
 *       decommissioned" or "will be removed".</li>
 *   <li><b>replacedBy.</b> Only on deprecated operations: the first "use X" / "Please use GET X" whose X,
 *       without a leading HTTP method and trailing punctuation, is another operation's exact id.</li>
 *   <li><b>consumes.</b> Only {@code application/octet-stream}, when the body is raw bytes (its schema is
 *       {@code {type: string, format: binary}}, or, without a schema, its description calls it binary);
 *       the runtime infers every other content type from the parameters.</li>
 *   <li><b>Parameters.</b> {@code in} as given; {@code type} as given, but never on body parameters, which
 *       carry their JSON Schema as {@code schema} instead. Arrays, and only arrays, get {@code items} as a
 *       type name and always a {@code collectionFormat} ({@code csv}, the Swagger 2.0 default, when none is
 *       given). {@code required} and {@code uniqueItems} only when true; path parameters are always
 *       required. {@code enum}, {@code default}, {@code minimum} and the other constraints keep their JSON
 *       types.</li>
 *   <li><b>Schemas.</b> Only {@link SchemaSubset}'s keywords, and every {@code $ref} names a definition. A
 *       required property only an endless body could hold is dropped, and {@link FalconCorrections} drops
 *       the requirements that contradict how the API is called (aggregation requests, indicator updates).</li>
 *   <li><b>Failures.</b> A missing operationId, method or path, a repeated operationId, a parameter without
 *       name, with an unknown {@code in} or key, an array without {@code items.type}, a body only the
 *       schemas file declares, or a schema outside the subset throws an {@link IllegalArgumentException}
 *       naming the operation's index and id or the schema's pointer: a field dropped silently here would
 *       become a wrong request later.</li>
 * </ul>
 */
public final class FalconTableConverter {
    /** The {@code format} value of every manifest this class writes. */
    public static final String FORMAT = "falcon-harness/manifest@2";

    static final int SUMMARY_LIMIT = 160;

    // Duplicate keys would otherwise be silently collapsed; floats stay exactly as written (1.50, not 1.5).
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> LOCATIONS = Set.of("query", "path", "header", "body", "formData");
    /** Copied unchanged, in this output order, between {@code required} and {@code uniqueItems}. */
    private static final List<String> CONSTRAINTS = List.of("enum", "default", "minimum", "maximum",
            "minLength", "maxLength", "pattern", "maxItems", "minItems");
    private static final Set<String> PARAMETER_KEYS = Set.of("name", "in", "type", "format", "items",
            "collectionFormat", "required", "enum", "default", "minimum", "maximum", "minLength",
            "maxLength", "pattern", "maxItems", "minItems", "uniqueItems", "description");

    private static final Pattern DEPRECATION =
            Pattern.compile("(?i)\\bdeprecated\\b|\\bwill be decommissioned\\b|\\bwill be removed\\b");
    private static final Pattern LEADING_NOTICE = Pattern.compile("(?i)^deprecated\\s*:");
    private static final Pattern USE_TARGET =
            Pattern.compile("\\b[Uu]se\\s+(?:(?:GET|POST|PUT|PATCH|DELETE|HEAD)\\s+)?(\\S+)");
    private static final Pattern BINARY = Pattern.compile("(?i)\\bbinary\\b");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>");
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    private FalconTableConverter() {
    }

    /** Reads the table ({@code args[0]}) and the schemas file ({@code args[1]}); writes the manifest to {@code args[2]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: FalconTableConverter <falcon-operations.json> <falcon-schemas.json>"
                    + " <output-manifest.json>");
            System.exit(2);
        }
        JsonNode table = MAPPER.readTree(Path.of(args[0]).toFile());
        JsonNode schemas = MAPPER.readTree(Path.of(args[1]).toFile());
        // Rendered before the output is opened, so bad input leaves the old manifest untouched.
        byte[] manifest = render(convert(table, schemas));
        Files.write(Path.of(args[2]), manifest);
    }

    /** Converts the table and the schemas file into a manifest document; see the class comment for the rules. */
    public static ObjectNode convert(JsonNode table, JsonNode schemas) {
        FalconSpec spec = FalconSpec.of(schemas);
        List<JsonNode> operations = new ArrayList<>();
        table.path("operations").forEach(operations::add);
        operations.addAll(SpecMerge.addedOperations(table.path("operations"), spec));
        ObjectNode manifest = NODES.objectNode();
        manifest.put("format", FORMAT);
        manifest.put("name", "falcon");
        manifest.put("title", "CrowdStrike Falcon API");
        putText(manifest, "source", source(table, spec));
        manifest.put("baseUrl", "https://api.crowdstrike.com");
        manifest.set("auth", falconAuth());
        ArrayNode converted = convertOperations(operations, spec);
        manifest.set("operations", converted);
        manifest.set("definitions", FalconCorrections.apply(SchemaSubset.definitions(converted, spec.definitions())));
        return manifest;
    }

    /** The table's first sentence (which names its snapshot), then where the schemas came from. */
    private static String source(JsonNode table, FalconSpec spec) {
        String about = table.path("about").asText("").strip();
        String first = about.substring(0, sentenceEnd(about));
        String schemas = spec.provenance();
        return schemas.isEmpty() ? first
                : (first + " Request and response schemas, and the operations added since: " + schemas + ".").strip();
    }

    /** Falcon's OAuth2: where tokens come from and go back, and its region and child-account extras. */
    private static ObjectNode falconAuth() {
        ObjectNode auth = NODES.objectNode();
        auth.put("type", "oauth2ClientCredentials");
        auth.put("tokenUrl", "/oauth2/token");
        auth.put("revokeUrl", "/oauth2/revoke");
        auth.put("regionHeader", "X-Cs-Region");
        auth.put("memberCidField", "member_cid");
        return auth;
    }

    /** The exact bytes written to disk for {@code manifest}. */
    static byte[] render(JsonNode manifest) throws JsonProcessingException {
        return ManifestRendering.render(manifest, MAPPER);
    }

    private static ArrayNode convertOperations(List<JsonNode> operations, FalconSpec spec) {
        // All ids first: replacedBy may name an operation that comes later in the table.
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < operations.size(); i++) {
            String id = operations.get(i).path("operationId").asText("");
            if (!id.isEmpty() && !ids.add(id)) {
                throw failure(i, id, "operationId is used more than once");
            }
        }
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < operations.size(); i++) {
            out.add(convertOperation(operations.get(i), i, ids, spec));
        }
        return out;
    }

    private static ObjectNode convertOperation(JsonNode op, int index, Set<String> ids, FalconSpec spec) {
        String id = op.path("operationId").asText("");
        ObjectNode out = NODES.objectNode();
        out.put("id", requireText(op, "operationId", index, id));
        out.put("method", requireText(op, "method", index, id).toUpperCase(Locale.ROOT));
        out.put("path", requireText(op, "path", index, id));
        putText(out, "collection", op.path("collection").asText(""));
        describe(out, op.path("description").asText("").strip(), ids);
        JsonNode specOp = spec.operation(out.get("method").asText(), out.get("path").asText());
        if (specOp == null) {
            out.put("unpublished", true);
        }
        JsonNode bodySchema = SpecMerge.bodySchema(specOp);
        ArrayNode parameters = NODES.arrayNode();
        boolean tableBody = false;
        for (JsonNode parameter : SpecMerge.parameters(op.path("parameters"), specOp)) {
            ObjectNode converted = convertParameter(parameter, index, id);
            if ("body".equals(converted.get("in").asText())) {
                tableBody = true;
                if (bodySchema != null) {
                    converted.set("schema", bodySchema.deepCopy());
                }
            }
            parameters.add(converted);
        }
        if (bodySchema != null && !tableBody) {
            throw failure(index, id, "the schemas file declares a body the table does not; add it to the table");
        }
        putText(out, "consumes", consumes(parameters));
        out.set("parameters", parameters);
        ObjectNode responses = specOp == null ? null : SpecMerge.responses(specOp);
        if (responses != null && !responses.isEmpty()) {
            out.set("responses", responses);
        }
        return out;
    }

    /** Summary and description are decided together: description is only written when it says more. */
    private static void describe(ObjectNode out, String description, Set<String> ids) {
        String summary = summarize(description);
        putText(out, "summary", summary);
        if (!description.equals(summary)) {
            putText(out, "description", description);
        }
        if (isDeprecated(description)) {
            out.put("deprecated", true);
            putText(out, "replacedBy", replacement(description, out.get("id").asText(), ids));
        }
    }

    static boolean isDeprecated(String description) {
        return DEPRECATION.matcher(description).find();
    }

    static String summarize(String description) {
        String text = WHITESPACE.matcher(HTML_TAG.matcher(description).replaceAll("")).replaceAll(" ").strip();
        String rest = text;
        if (LEADING_NOTICE.matcher(rest).find()) {
            // "Deprecated: ... Please check the Notes ...": the guidance is notice too, not about the operation.
            do {
                rest = rest.substring(sentenceEnd(rest)).strip();
            } while (rest.startsWith("Please "));
        }
        String shown = rest.isEmpty() ? text : rest;
        return clip(shown.substring(0, sentenceEnd(shown)).strip());
    }

    /** Index just past the first sentence's full stop, or the text's length. */
    private static int sentenceEnd(String text) {
        int dot = text.indexOf(". ");
        while (dot >= 0) {
            String before = text.substring(0, dot + 1).toLowerCase(Locale.ROOT);
            if (!before.endsWith("e.g.") && !before.endsWith("i.e.")) {
                return dot + 1;
            }
            dot = text.indexOf(". ", dot + 1);
        }
        return text.length();
    }

    /** Shortens to {@link #SUMMARY_LIMIT} code points, the last one being "…". */
    private static String clip(String text) {
        if (text.codePointCount(0, text.length()) <= SUMMARY_LIMIT) {
            return text;
        }
        int end = text.offsetByCodePoints(0, SUMMARY_LIMIT - 1);
        // Back up to a space so no word is cut in half (a half word reads like a typo).
        if (text.charAt(end) != ' ' && text.lastIndexOf(' ', end) > 0) {
            end = text.lastIndexOf(' ', end);
        }
        return text.substring(0, end).replaceAll("[\\s,;:]+$", "") + "…";
    }

    static String replacement(String description, String selfId, Set<String> ids) {
        Matcher use = USE_TARGET.matcher(description);
        while (use.find()) {
            String candidate = use.group(1).replaceAll("^[`'\"(]+|[.,;:!?)`'\"]+$", "");
            // Skipping the operation's own id: deleteCIDGroupMembers tells readers to "use deleteCIDGroupMembers".
            if (ids.contains(candidate) && !candidate.equals(selfId)) {
                return candidate;
            }
        }
        return null;
    }

    private static String consumes(JsonNode parameters) {
        for (JsonNode p : parameters) {
            if ("body".equals(p.path("in").asText()) && (p.has("schema") ? SpecMerge.isRawBytes(p.get("schema"))
                    : BINARY.matcher(p.path("description").asText()).find())) {
                return "application/octet-stream";
            }
        }
        return null;
    }

    private static ObjectNode convertParameter(JsonNode p, int index, String id) {
        checkParameter(p, index, id);
        String in = p.get("in").asText();
        String type = "body".equals(in) ? "" : p.path("type").asText("");
        ObjectNode out = NODES.objectNode();
        out.put("name", p.get("name").asText());
        out.put("in", in);
        putText(out, "type", type);
        copy(p, out, "format");
        if ("array".equals(type)) {
            out.put("items", p.path("items").path("type").asText());
            out.put("collectionFormat", p.path("collectionFormat").asText("csv"));
        }
        if ("path".equals(in) || p.path("required").asBoolean(false)) {
            out.put("required", true);
        }
        CONSTRAINTS.forEach(key -> copy(p, out, key));
        if (p.path("uniqueItems").asBoolean(false)) {
            out.put("uniqueItems", true);
        }
        putText(out, "description", p.path("description").asText("").strip());
        return out;
    }

    private static void checkParameter(JsonNode p, int index, String id) {
        String name = p.path("name").asText("");
        if (name.isEmpty()) {
            throw failure(index, id, "a parameter has no name");
        }
        String in = p.path("in").asText("");
        if (!LOCATIONS.contains(in)) {
            throw failure(index, id, "parameter '" + name + "' has unknown in '" + in + "'");
        }
        p.fieldNames().forEachRemaining(key -> {
            if (!PARAMETER_KEYS.contains(key)) {
                throw failure(index, id, "parameter '" + name + "' has unsupported key '" + key + "'");
            }
        });
        boolean array = !"body".equals(in) && "array".equals(p.path("type").asText());
        if (array && p.path("items").path("type").asText("").isEmpty()) {
            throw failure(index, id, "array parameter '" + name + "' has no items.type");
        }
    }

    private static String requireText(JsonNode op, String key, int index, String id) {
        String value = op.path(key).asText("");
        if (value.isBlank()) {
            throw failure(index, id, "missing " + key);
        }
        return value;
    }

    private static IllegalArgumentException failure(int index, String id, String problem) {
        String name = id.isEmpty() ? "<no operationId>" : id;
        return new IllegalArgumentException("operation #" + index + " (" + name + "): " + problem);
    }

    private static void copy(JsonNode from, ObjectNode to, String key) {
        JsonNode value = from.get(key);
        boolean empty = value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())
                || (value.isContainerNode() && value.isEmpty());
        if (!empty) {
            to.set(key, value.deepCopy());
        }
    }

    private static void putText(ObjectNode to, String key, String value) {
        if (value != null && !value.isEmpty()) {
            to.put(key, value);
        }
    }
}
