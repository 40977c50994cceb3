package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Decides how an array parameter is written on the wire: Swagger 2.0's {@code collectionFormat} as is,
 * OpenAPI 3's {@code style} and {@code explode} translated. Not thread-safe (reports through the run's
 * {@link Warnings}).
 *
 * <table>
 *   <caption>OpenAPI 3 style and explode to collectionFormat</caption>
 *   <tr><th>in</th><th>style (default)</th><th>explode</th><th>collectionFormat</th></tr>
 *   <tr><td>query</td><td>form (default)</td><td>true (default)</td><td>multi</td></tr>
 *   <tr><td>query</td><td>form</td><td>false</td><td>csv</td></tr>
 *   <tr><td>query</td><td>spaceDelimited / pipeDelimited</td><td>false (default)</td><td>ssv / pipes</td></tr>
 *   <tr><td>query</td><td>spaceDelimited / pipeDelimited</td><td>true</td><td>multi</td></tr>
 *   <tr><td>path, header</td><td>simple (default)</td><td>any</td><td>csv</td></tr>
 * </table>
 * {@code deepObject} (query objects) is not expressible: the parameter is skipped. {@code label} and
 * {@code matrix} path styles are sent as {@code simple}, with a warning.
 */
final class Styles {
    private static final Set<String> SWAGGER_FORMATS = Set.of("csv", "ssv", "tsv", "pipes", "multi");

    private final Warnings warnings;

    Styles(Warnings warnings) {
        this.warnings = warnings;
    }

    /** Swagger 2.0: the declared format ({@code csv} when absent); multi only where a name can repeat. */
    String swagger(ParamDraft p, JsonNode parameter) {
        JsonNode declared = parameter.get("collectionFormat");
        String at = Pointers.child(p.pointer, "collectionFormat");
        if (declared == null) {
            return "csv";
        }
        String format = declared.asText();
        if (!SWAGGER_FORMATS.contains(format)) {
            warnings.warn(at, "unknown collectionFormat \"" + format + "\" on \"" + p.name + "\"; csv used");
            return "csv";
        }
        if ("multi".equals(format) && !"query".equals(p.in) && !p.isForm()) {
            warnings.warn(at, "collectionFormat multi repeats the name, which a " + p.in + " parameter cannot do; csv used for \""
                    + p.name + "\"");
            return "csv";
        }
        return format;
    }

    /**
     * OpenAPI 3 parameters: false when the parameter's style cannot be expressed (the caller skips it);
     * a warning says why. Styles that are sent differently than declared also get a warning.
     */
    boolean expressible(ParamDraft p, JsonNode parameter) {
        String style = style(p, parameter);
        String at = Pointers.child(p.pointer, "style");
        switch (style) {
            case "deepObject" -> {
                warnings.warn(at, "style deepObject (name[key]=value) cannot be expressed in a manifest; parameter \""
                        + p.name + "\" skipped");
                return false;
            }
            case "label", "matrix" -> warnings.warn(at, "style " + style + " (a \"" + ("label".equals(style) ? "." : ";")
                    + "\" prefix in the path) is not supported; \"" + p.name + "\" is sent as style simple");
            case "form", "simple", "spaceDelimited", "pipeDelimited" -> {
                // Known styles; arrayFormat maps them.
            }
            default -> warnings.warn(at, "unknown style \"" + style + "\" on \"" + p.name + "\"; the default for "
                    + p.in + " used");
        }
        return true;
    }

    /** OpenAPI 3 parameters: the collection format of an array parameter, per the table above. */
    String openApi(ParamDraft p, JsonNode parameter) {
        String style = style(p, parameter);
        boolean explode = parameter.path("explode").asBoolean("form".equals(style));
        return arrayFormat(p.in, style, explode);
    }

    private static String style(ParamDraft p, JsonNode parameter) {
        return parameter.path("style").asText("query".equals(p.in) ? "form" : "simple");
    }

    private static String arrayFormat(String in, String style, boolean explode) {
        if (!"query".equals(in)) {
            // simple is the only style of headers and the sensible one of paths: values joined by commas.
            return "csv";
        }
        if (explode) {
            return "multi";
        }
        return switch (style) {
            case "spaceDelimited" -> "ssv";
            case "pipeDelimited" -> "pipes";
            default -> "csv";
        };
    }

    /** Form fields (OpenAPI 3 {@code encoding}): form style, exploded unless the encoding says otherwise. */
    String formField(JsonNode encoding, boolean multipart) {
        if (multipart) {
            // Multipart sends each array item as its own part with the field's name.
            return "multi";
        }
        String style = encoding.path("style").asText("form");
        boolean explode = encoding.path("explode").asBoolean("form".equals(style));
        return arrayFormat("query", style, explode);
    }
}
