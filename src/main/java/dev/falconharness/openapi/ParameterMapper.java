package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Maps one spec parameter object (already resolved from any {@code $ref}) to a manifest parameter, or
 * to nothing with a warning when it cannot be expressed. Not thread-safe (reports through the run's
 * {@link Warnings}).
 *
 * <p>Swagger 2.0 parameters keep their location, type and {@code collectionFormat}. OpenAPI 3
 * parameters take their type from {@code schema} and their collection format from {@code style} and
 * {@code explode} (see {@link Styles}); cookie parameters and the headers OpenAPI 3 says to ignore
 * ({@code Accept}, {@code Content-Type}, {@code Authorization}) are skipped; a parameter given as
 * {@code content} (a JSON-encoded query value, say) becomes a string the caller serialises; a deprecated
 * parameter's description starts with "Deprecated." since the manifest has no flag for it.
 */
final class ParameterMapper {
    private static final Set<String> SWAGGER_LOCATIONS = Set.of("query", "path", "header", "body", "formData");
    private static final Set<String> OPENAPI_LOCATIONS = Set.of("query", "path", "header");
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

    private final SpecVersion version;
    private final SchemaMapper schemas;
    private final Styles styles;
    private final Warnings warnings;

    ParameterMapper(SpecVersion version, SchemaMapper schemas, Styles styles, Warnings warnings) {
        this.version = version;
        this.schemas = schemas;
        this.styles = styles;
        this.warnings = warnings;
    }

    /** The manifest parameter for {@code parameter}, or null when it is skipped (with a warning). */
    ParamDraft map(Refs.Located parameter) {
        JsonNode node = parameter.node();
        String at = parameter.pointer();
        String name = node.path("name").asText("");
        if (!node.isObject() || name.isEmpty()) {
            warnings.warn(at, "parameter without a name; skipped");
            return null;
        }
        String in = node.path("in").asText("");
        return version.isOpenApi3() ? openApi(name, in, node, at) : swagger(name, in, node, at);
    }

    private ParamDraft swagger(String name, String in, JsonNode node, String at) {
        if (!SWAGGER_LOCATIONS.contains(in)) {
            warnings.warn(Pointers.child(at, "in"), "parameter \"" + name + "\" has unknown location \"" + in + "\"; skipped");
            return null;
        }
        ParamDraft p = start(name, in, node, at);
        if (p.isBody()) {
            p.specSchema = node.get("schema");
            p.specSchemaAt = Pointers.child(at, "schema");
            return p;
        }
        if (!schemas.apply(p, node, at, p.isForm())) {
            return null;
        }
        if ("array".equals(p.type)) {
            p.collectionFormat = styles.swagger(p, node);
        }
        return p;
    }

    private ParamDraft openApi(String name, String in, JsonNode node, String at) {
        if (!OPENAPI_LOCATIONS.contains(in)) {
            warnings.warn(Pointers.child(at, "in"), "cookie".equals(in)
                    ? "cookie parameter \"" + name + "\" is not supported by the manifest format; skipped"
                    : "parameter \"" + name + "\" has unknown location \"" + in + "\"; skipped");
            return null;
        }
        if ("header".equals(in) && IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            warnings.warn(at, "header parameter \"" + name + "\" is ignored, as OpenAPI 3 requires (the harness sets "
                    + name + " itself); skipped");
            return null;
        }
        ParamDraft p = start(name, in, node, at);
        if (node.path("deprecated").asBoolean(false)) {
            p.description = "Deprecated." + (p.description == null ? "" : " " + p.description);
        }
        if (!styles.expressible(p, node)) {
            return null;
        }
        if (node.has("content") && !node.has("schema")) {
            return serialised(p, node.get("content"));
        }
        if (!node.has("schema")) {
            warnings.warn(at, "parameter \"" + name + "\" has no schema; imported as string");
            p.type = "string";
            return p;
        }
        if (!schemas.apply(p, node.get("schema"), Pointers.child(at, "schema"), false)) {
            return null;
        }
        if ("array".equals(p.type)) {
            p.collectionFormat = styles.openApi(p, node);
        }
        return p;
    }

    private ParamDraft start(String name, String in, JsonNode node, String at) {
        ParamDraft p = new ParamDraft(name, in, at);
        p.required = node.path("required").asBoolean(false);
        p.description = SchemaMapper.text(node, "description");
        return p;
    }

    /** A parameter sent as serialised content: the caller passes the text, e.g. compact JSON. */
    private ParamDraft serialised(ParamDraft p, JsonNode content) {
        Iterator<String> types = content.fieldNames();
        String media = types.hasNext() ? types.next() : "an unnamed media type";
        warnings.warn(Pointers.child(p.pointer, "content"), "parameter \"" + p.name + "\" is sent as " + media
                + " content; imported as a string: pass the already serialised value");
        p.type = "string";
        return p;
    }
}
