package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps an operation's documented responses to the manifest's {@code responses} (status, description,
 * the JSON body's schema converted by {@link SchemaConverter}) and its {@code produces} media types.
 * Not thread-safe (reports through the run's {@link Warnings}).
 *
 * <p>{@code produces}: Swagger 2.0's operation (else document) list; OpenAPI 3's content types of the
 * responses, success codes first, in the order written. Status ranges such as {@code 2XX} cannot be
 * expressed and are skipped with a warning; a response's schema is its JSON content's, and the schema
 * of a response with no JSON content is left out with a warning (the harness decodes and checks JSON only).
 */
final class ResponseMapper {
    private static final Pattern STATUS = Pattern.compile("[1-5][0-9][0-9]|default");

    private final JsonNode root;
    private final SpecVersion version;
    private final Refs refs;
    private final SchemaConverter converter;
    private final Warnings warnings;

    ResponseMapper(JsonNode root, SpecVersion version, Refs refs, SchemaConverter converter, Warnings warnings) {
        this.root = root;
        this.version = version;
        this.refs = refs;
        this.converter = converter;
        this.warnings = warnings;
    }

    /** The response media types, deduplicated, without parameters; empty for JSON alone (the default). */
    List<String> produces(OperationWalker.Source op) {
        List<String> types = declaredProduces(op);
        return types.equals(List.of(RequestBodyMapper.JSON)) ? List.of() : types;
    }

    private List<String> declaredProduces(OperationWalker.Source op) {
        List<String> types = new ArrayList<>();
        if (!version.isOpenApi3()) {
            JsonNode declared = op.operation().has("produces") ? op.operation().get("produces") : root.path("produces");
            declared.forEach(t -> addOnce(types, RequestBodyMapper.base(t.asText())));
            return types;
        }
        JsonNode responses = op.operation().path("responses");
        for (boolean success : new boolean[] {true, false}) {
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().startsWith("2") == success) {
                    Refs.Located response = refs.resolve(entry.getValue(), Pointers.child(Pointers.child(op.pointer(), "responses"), entry.getKey()), "response");
                    if (response != null) {
                        response.node().path("content").fieldNames().forEachRemaining(t -> addOnce(types, RequestBodyMapper.base(t)));
                    }
                }
            }
        }
        return types;
    }

    /** The manifest's {@code responses} object; empty when the spec documents none it can express. */
    ObjectNode responses(OperationWalker.Source op) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String at = Pointers.child(op.pointer(), "responses");
        op.operation().path("responses").fields().forEachRemaining(entry -> {
            String status = entry.getKey();
            String statusAt = Pointers.child(at, status);
            if (!STATUS.matcher(status).matches()) {
                if (!status.startsWith("x-")) {
                    warnings.warn(statusAt, "response status \"" + status + "\" is not a status code or \"default\" "
                            + "(ranges such as 2XX cannot be expressed); not imported");
                }
                return;
            }
            Refs.Located response = refs.resolve(entry.getValue(), statusAt, "response");
            if (response != null) {
                out.set(status, response(response));
            }
        });
        return out;
    }

    private ObjectNode response(Refs.Located response) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String description = SchemaMapper.text(response.node(), "description");
        if (description != null) {
            out.put("description", description);
        }
        Refs.Located schema = version.isOpenApi3() ? contentSchema(response) : schemaOf(response);
        if (schema != null) {
            out.set("schema", converter.convert(schema.node(), schema.pointer()));
        }
        return out;
    }

    private static Refs.Located schemaOf(Refs.Located response) {
        JsonNode schema = response.node().get("schema");
        return schema == null ? null : new Refs.Located(schema, Pointers.child(response.pointer(), "schema"));
    }

    /** The schema of the response's JSON content; other content types' schemas are reported as not imported. */
    private Refs.Located contentSchema(Refs.Located response) {
        JsonNode content = response.node().path("content");
        List<String> types = new ArrayList<>();
        content.fieldNames().forEachRemaining(types::add);
        String contentAt = Pointers.child(response.pointer(), "content");
        String json = types.stream().filter(t -> RequestBodyMapper.isJson(RequestBodyMapper.base(t))).findFirst().orElse(null);
        if (json == null) {
            // The same body in JSON has its schema imported; a body with no JSON form loses it.
            for (String type : types) {
                if (content.get(type).has("schema")) {
                    warnings.warn(Pointers.child(Pointers.child(contentAt, type), "schema"), "the schema of " + type
                            + " responses is not imported (the harness decodes and checks JSON only)");
                }
            }
            return null;
        }
        if (!content.get(json).has("schema")) {
            return null;
        }
        return new Refs.Located(content.get(json).get("schema"), Pointers.child(Pointers.child(contentAt, json), "schema"));
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
