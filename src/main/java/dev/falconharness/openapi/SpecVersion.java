package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The spec dialects the importer reads, told apart by the document's {@code swagger} or {@code openapi} key. */
enum SpecVersion {
    SWAGGER_2("Swagger 2.0"),
    OPENAPI_3_0("OpenAPI 3.0"),
    OPENAPI_3_1("OpenAPI 3.1");

    private final String displayName;

    SpecVersion(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    boolean isOpenApi3() {
        return this != SWAGGER_2;
    }

    /**
     * The dialect of {@code root}; OpenAPI 3.2 and later minor versions are read as 3.1 (with a warning).
     *
     * @throws ImportException naming what was found instead
     */
    static SpecVersion detect(JsonNode root, String source, Warnings warnings) {
        if (root == null || !root.isObject()) {
            throw notASpec(source, "a " + kind(root) + " instead of an object");
        }
        JsonNode swagger = root.get("swagger");
        JsonNode openapi = root.get("openapi");
        if (swagger != null) {
            if ("2.0".equals(swagger.asText())) {
                return SWAGGER_2;
            }
            throw notASpec(source, "swagger: " + swagger + "; only Swagger 2.0 is supported (convert 1.x specs first)");
        }
        if (openapi != null && openapi.isTextual() && openapi.asText().matches("3\\.\\d+(\\.\\d+)?(-.*)?")) {
            String version = openapi.asText();
            if (version.startsWith("3.0")) {
                return OPENAPI_3_0;
            }
            if (!version.startsWith("3.1.") && !version.equals("3.1")) {
                warnings.warn("/openapi", "OpenAPI " + version + " is newer than 3.1; read as 3.1");
            }
            return OPENAPI_3_1;
        }
        if (openapi != null) {
            throw notASpec(source, "openapi: " + openapi + "; expected a 3.x version such as \"3.0.3\" or \"3.1.0\"");
        }
        if (root.has("format") && root.has("operations")) {
            throw notASpec(source, "a falcon-harness manifest (it has \"format\" and \"operations\"); load it with "
                    + "Manifest.load or check it with ManifestChecker instead");
        }
        throw notASpec(source, "neither a \"swagger\" nor an \"openapi\" key; top-level keys: " + keys(root));
    }

    private static ImportException notASpec(String source, String found) {
        return new ImportException(source, "", "not a Swagger 2.0 or OpenAPI 3.x document: found " + found);
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "empty document";
        }
        return node.isArray() ? "list" : node.isTextual() ? "plain string" : node.getNodeType().toString().toLowerCase();
    }

    private static String keys(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return "none (the document is empty)";
        }
        List<String> shown = names.size() > 8 ? names.subList(0, 8) : names;
        return String.join(", ", shown) + (names.size() > 8 ? ", ..." : "");
    }
}
