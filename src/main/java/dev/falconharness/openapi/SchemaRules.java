package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.manifest.ManifestProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of {@code endpoints/manifest.schema.json} that {@link dev.falconharness.manifest.ManifestLoader}
 * does not enforce, because it reads leniently (defaults where the schema demands a key, {@code false}
 * where the schema allows only {@code true}). Stateless apart from the problems one run collects.
 *
 * <p>Checked here: {@code format} and {@code name} present; the patterns of {@code name},
 * {@code baseUrl}, operation {@code id} and {@code consumes}; {@code summary} one line of at most 160
 * characters; no empty texts; {@code parameters} present; {@code deprecated}, {@code required} and
 * {@code uniqueItems} only ever {@code true}; {@code replacedBy} only with {@code deprecated}; path
 * parameters saying {@code "required": true}; arrays with {@code items} (a type name) and
 * {@code collectionFormat}.
 */
final class SchemaRules {
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");
    private static final Pattern BASE_URL = Pattern.compile("^https?://[^/\\s]+(/[^\\s]*[^/\\s])?$");
    private static final Pattern NO_SPACE = Pattern.compile("^\\S+$");
    private static final Pattern MEDIA_TYPE = Pattern.compile("^([a-z][a-z0-9.+-]*|\\*)/[^\\s]+$");
    private static final int SUMMARY_LIMIT = 160;

    private final String source;
    private final List<ManifestProblem> problems = new ArrayList<>();
    private String operationId;

    SchemaRules(String source) {
        this.source = source;
    }

    List<ManifestProblem> check(JsonNode root) {
        if (root == null || !root.isObject()) {
            return problems; // The loader reports a document that is not an object.
        }
        present(root, "format", "", "write \"format\": \"" + dev.falconharness.manifest.ManifestLoader.FORMAT_V2 + "\"");
        present(root, "name", "", "a short lower-case name such as \"my-api\"");
        matches(root, "name", NAME, "", "lower-case letters, digits, '-' and '_', starting with a letter or digit");
        matches(root, "baseUrl", BASE_URL, "", "http(s)://host[/path], without a trailing slash, query or spaces");
        notEmpty(root, "", "title", "source");
        JsonNode operations = root.path("operations");
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i).isObject()) {
                operation(operations.get(i), "/operations/" + i);
            }
        }
        return problems;
    }

    private void operation(JsonNode op, String at) {
        operationId = op.path("id").isTextual() ? op.path("id").asText() : null;
        matches(op, "id", NO_SPACE, at, "no spaces");
        for (String key : List.of("consumes", "produces")) {
            mediaTypes(op, key, at);
        }
        notEmpty(op, at, "collection", "summary", "description");
        String summary = op.path("summary").asText("");
        if (summary.codePointCount(0, summary.length()) > SUMMARY_LIMIT || summary.contains("\n") || summary.contains("\r")) {
            problem(at + "/summary", "must be one line of at most " + SUMMARY_LIMIT + " characters; put longer text in \"description\"");
        }
        onlyTrue(op, "deprecated", at);
        if (op.has("replacedBy") && !op.path("deprecated").asBoolean(false)) {
            problem(at + "/replacedBy", "only a deprecated operation has \"replacedBy\"; add \"deprecated\": true");
        }
        present(op, "parameters", at, "write \"parameters\": [] for an operation without any");
        JsonNode parameters = op.path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).isObject()) {
                parameter(parameters.get(i), at + "/parameters/" + i);
            }
        }
        operationId = null;
    }

    private void parameter(JsonNode p, String at) {
        onlyTrue(p, "required", at);
        onlyTrue(p, "uniqueItems", at);
        notEmpty(p, at, "description");
        if ("path".equals(p.path("in").asText()) && !p.has("required")) {
            problem(at, "path parameters must say \"required\": true");
        }
        if ("array".equals(p.path("type").asText())) {
            present(p, "items", at, "the item type, e.g. \"items\": \"string\"");
            present(p, "collectionFormat", at, "how the array is written: csv, ssv, tsv, pipes or multi");
        }
        if (p.has("items") && !p.get("items").isTextual()) {
            problem(at + "/items", "must be the item type's name, e.g. \"items\": \"string\", not " + p.get("items"));
        }
    }

    private void present(JsonNode node, String key, String at, String hint) {
        if (!node.has(key)) {
            problem(at, "missing \"" + key + "\": " + hint);
        }
    }

    /** A media type, or a list of them; the loader reports other JSON types. */
    private void mediaTypes(JsonNode op, String key, String at) {
        String expected = "a lower-case media type such as application/octet-stream";
        JsonNode value = op.get(key);
        if (value != null && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                matches(value, i, at + "/" + key, expected);
            }
        } else {
            matches(op, key, MEDIA_TYPE, at, expected);
        }
    }

    private void matches(JsonNode list, int index, String at, String expected) {
        JsonNode value = list.get(index);
        if (value.isTextual() && !MEDIA_TYPE.matcher(value.asText()).matches()) {
            problem(at + "/" + index, "\"" + value.asText() + "\" is not valid here; expected " + expected);
        }
    }

    private void matches(JsonNode node, String key, Pattern pattern, String at, String expected) {
        JsonNode value = node.get(key);
        if (value != null && value.isTextual() && !pattern.matcher(value.asText()).matches()) {
            problem(at + "/" + key, "\"" + value.asText() + "\" is not valid here; expected " + expected);
        }
    }

    private void notEmpty(JsonNode node, String at, String... keys) {
        for (String key : keys) {
            JsonNode value = node.get(key);
            if (value != null && value.isTextual() && value.asText().isEmpty()) {
                problem(at + "/" + key, "must not be empty; leave the key out instead");
            }
        }
    }

    private void onlyTrue(JsonNode node, String key, String at) {
        JsonNode value = node.get(key);
        if (value != null && !(value.isBoolean() && value.asBoolean())) {
            problem(at + "/" + key, "must be true when present, not " + value + "; leave the key out for false");
        }
    }

    private void problem(String pointer, String message) {
        problems.add(new ManifestProblem(source, operationId, pointer, message));
    }
}
