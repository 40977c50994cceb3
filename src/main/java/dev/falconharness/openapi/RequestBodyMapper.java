package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Maps an OpenAPI 3 {@code requestBody} to manifest parameters and the {@code consumes} media types.
 * Not thread-safe (reports through the run's {@link Warnings}).
 *
 * <p>The layout follows the first of: {@code application/json}, another JSON type ({@code +json}),
 * {@code multipart/form-data}, {@code application/x-www-form-urlencoded}, {@code application/octet-stream},
 * the first one listed.
 * <ul>
 *   <li>A body (JSON or anything else): a {@code body} parameter named "body", required as the request
 *       body says, with the JSON type's schema converted by {@link SchemaConverter}; {@code consumes}
 *       lists every non-form type offered, wildcards such as {@code *}{@code /*} included (the harness
 *       then sends JSON for a JSON body), and is left out when it would say only {@code application/json}.
 *       Form types offered beside a body are named in a warning.</li>
 *   <li>Multipart and URL-encoded forms: one {@code formData} parameter per schema property
 *       ({@code allOf} parts merged), required per the schema's {@code required} list; in multipart,
 *       {@code format: binary} (or a 3.1 {@code contentMediaType}) is a file. Other types offered are
 *       named in a warning.</li>
 * </ul>
 */
final class RequestBodyMapper {
    static final String JSON = "application/json";
    static final String MULTIPART = "multipart/form-data";
    static final String URL_ENCODED = "application/x-www-form-urlencoded";
    static final String OCTET_STREAM = "application/octet-stream";
    // Deep enough for models built from a few allOf layers; stops a model that includes itself.
    private static final int MAX_ALL_OF_DEPTH = 8;

    /** The body's parameters (possibly none) and the media types to declare (empty to infer them). */
    record Result(List<ParamDraft> parameters, List<String> consumes) {
        static final Result NONE = new Result(List.of(), List.of());
    }

    private final Refs refs;
    private final SchemaMapper schemas;
    private final Styles styles;
    private final Warnings warnings;

    RequestBodyMapper(Refs refs, SchemaMapper schemas, Styles styles, Warnings warnings) {
        this.refs = refs;
        this.schemas = schemas;
        this.styles = styles;
        this.warnings = warnings;
    }

    Result map(JsonNode requestBody, String at) {
        Refs.Located body = refs.resolve(requestBody, at, "request body");
        if (body == null) {
            return Result.NONE;
        }
        JsonNode content = body.node().path("content");
        if (!content.isObject() || content.isEmpty()) {
            warnings.warn(body.pointer(), "request body has no content types; no body imported");
            return Result.NONE;
        }
        List<String> offered = new ArrayList<>();
        content.fieldNames().forEachRemaining(offered::add);
        String chosen = choose(offered);
        String contentAt = Pointers.child(body.pointer(), "content");
        Refs.Located media = new Refs.Located(content.get(chosen), Pointers.child(contentAt, chosen));
        String type = base(chosen);
        if (isForm(type)) {
            warnOthers(contentAt, offered, List.of(chosen), chosen);
            return formResult(type, media);
        }
        List<String> kept = new ArrayList<>();
        offered.stream().filter(t -> !isForm(base(t))).forEach(t -> addOnce(kept, base(t)));
        warnOthers(contentAt, offered, kept, chosen);
        ParamDraft p = body(media, body.node());
        if (!isJson(type)) {
            if (structured(p.specSchema, p.specSchemaAt)) {
                warnings.warn(p.specSchemaAt, "the schema of " + type + " content is not checked (the harness checks "
                        + "JSON bodies only); left out");
            }
            p.specSchema = null;
        }
        return new Result(List.of(p), kept.equals(List.of(JSON)) ? List.of() : kept);
    }

    /** A schema that says more than "some text or bytes", which a raw body's check would lose. */
    private boolean structured(JsonNode schema, String at) {
        Refs.Located s = schema == null ? null : refs.resolve(schema, at, "schema");
        return s != null && !"string".equals(s.node().path("type").asText()) && !s.node().isEmpty();
    }

    private Result formResult(String type, Refs.Located media) {
        List<ParamDraft> fields = formFields(media, type.equals(MULTIPART));
        boolean files = fields.stream().anyMatch(f -> "file".equals(f.type));
        // Multipart without a file would otherwise be inferred as URL-encoded.
        return new Result(fields, type.equals(MULTIPART) && !files ? List.of(MULTIPART) : List.of());
    }

    private void warnOthers(String at, List<String> offered, List<String> kept, String chosen) {
        List<String> others = new ArrayList<>();
        offered.stream().filter(t -> !kept.contains(base(t)) && !t.equals(chosen)).forEach(others::add);
        if (!others.isEmpty()) {
            warnings.warn(at, "request body is also accepted as " + String.join(", ", others)
                    + ", a different layout; imported as " + (kept.size() > 1 ? "a body of " + String.join(", ", kept) : chosen) + " only");
        }
    }

    private static boolean isForm(String type) {
        return type.equals(MULTIPART) || type.equals(URL_ENCODED);
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static ParamDraft body(Refs.Located media, JsonNode body) {
        ParamDraft p = new ParamDraft("body", "body", media.pointer());
        p.required = body.path("required").asBoolean(false);
        p.description = SchemaMapper.text(body, "description");
        p.specSchema = media.node().get("schema");
        p.specSchemaAt = Pointers.child(media.pointer(), "schema");
        return p;
    }

    static String choose(List<String> offered) {
        List<Predicate<String>> preferences = List.of(JSON::equals, RequestBodyMapper::isJson,
                MULTIPART::equals, URL_ENCODED::equals, OCTET_STREAM::equals);
        for (Predicate<String> preferred : preferences) {
            for (String type : offered) {
                if (preferred.test(base(type))) {
                    return type;
                }
            }
        }
        return offered.get(0);
    }

    /** The media type without parameters, lower-case: {@code application/json; charset=utf-8} is JSON. */
    static String base(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isJson(String type) {
        return dev.falconharness.http.MediaTypes.isJson(type);
    }

    private List<ParamDraft> formFields(Refs.Located media, boolean multipart) {
        JsonNode schema = media.node().get("schema");
        Map<String, Refs.Located> properties = new LinkedHashMap<>();
        Set<String> required = new HashSet<>();
        if (schema != null) {
            collect(schema, Pointers.child(media.pointer(), "schema"), properties, required, 0);
        }
        if (properties.isEmpty()) {
            warnings.warn(media.pointer(), "form body has no schema properties; no form fields imported");
            return List.of();
        }
        List<ParamDraft> fields = new ArrayList<>();
        JsonNode encoding = media.node().path("encoding");
        properties.forEach((name, property) -> {
            ParamDraft field = formField(name, property, multipart, encoding.path(name));
            if (field != null) {
                field.required = required.contains(name);
                fields.add(field);
            }
        });
        return fields;
    }

    /** Gathers an object schema's properties and required names, through any allOf parts. */
    private void collect(JsonNode node, String at, Map<String, Refs.Located> properties, Set<String> required, int depth) {
        Refs.Located schema = refs.resolve(node, at, "form schema");
        if (schema == null || depth > MAX_ALL_OF_DEPTH) {
            return;
        }
        JsonNode props = schema.node().path("properties");
        String propsAt = Pointers.child(schema.pointer(), "properties");
        props.fieldNames().forEachRemaining(name ->
                properties.putIfAbsent(name, new Refs.Located(props.get(name), Pointers.child(propsAt, name))));
        schema.node().path("required").forEach(name -> required.add(name.asText()));
        JsonNode allOf = schema.node().path("allOf");
        for (int i = 0; i < allOf.size(); i++) {
            collect(allOf.get(i), Pointers.child(Pointers.child(schema.pointer(), "allOf"), i), properties, required, depth + 1);
        }
        for (String alternative : List.of("oneOf", "anyOf")) {
            if (schema.node().has(alternative)) {
                warnings.warn(Pointers.child(schema.pointer(), alternative), "alternative form layouts (" + alternative
                        + ") cannot be expressed; only the fields listed outside them are imported");
            }
        }
    }

    private ParamDraft formField(String name, Refs.Located property, boolean multipart, JsonNode encoding) {
        Refs.Located schema = schemas.flatten(property.node(), property.pointer());
        if (schema == null) {
            return null;
        }
        ParamDraft field = new ParamDraft(name, "formData", schema.pointer());
        if (schema.node().path("readOnly").asBoolean(false)) {
            warnings.warn(schema.pointer(), "form field \"" + name + "\" is read-only (never sent in requests); skipped");
            return null;
        }
        if (multipart && isFile(schema)) {
            field.type = "file";
            field.description = SchemaMapper.text(schema.node(), "description");
            return field;
        }
        if (!multipart && isBinary(schema.node())) {
            warnings.warn(schema.pointer(), "a URL-encoded form cannot carry a file; \"" + name + "\" is imported as a "
                    + "string field");
        }
        if (!schemas.apply(field, schema.node(), schema.pointer(), false)) {
            return null;
        }
        if ("array".equals(field.type)) {
            field.collectionFormat = styles.formField(encoding, multipart);
        }
        return field;
    }

    /** A file part: binary content, or in 3.1 a declared content type; an array of files becomes one part. */
    private boolean isFile(Refs.Located schema) {
        if (isBinary(schema.node())) {
            return true;
        }
        JsonNode items = schema.node().get("items");
        Refs.Located item = items == null ? null : schemas.flatten(items, Pointers.child(schema.pointer(), "items"));
        if (item != null && isBinary(item.node())) {
            warnings.warn(schema.pointer(), "a field of several files cannot be expressed; imported as one file part");
            return true;
        }
        return false;
    }

    private static boolean isBinary(JsonNode schema) {
        return "binary".equals(schema.path("format").asText())
                || (schema.has("contentMediaType") && !schema.has("contentEncoding"));
    }
}
