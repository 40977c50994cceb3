package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.manifest.ManifestLoader;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the manifest JSON for imported operations, with the keys in the order
 * {@link FalconTableConverter} writes them, so imported and built-in manifests read alike. Stateless.
 *
 * <p>Texts: {@code summary} is the operation's summary, or else the first sentence of its description
 * (the path item's texts when the operation has none), one line, at most 160 characters;
 * {@code description} is the description, left out when it says nothing more than the summary.
 * {@code collection} is the first tag. {@code replacedBy} is set on a deprecated operation whose
 * description says "use X" for another operation's ID X.
 */
final class ManifestWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ManifestWriter() {
    }

    static ObjectNode document(String name, String title, String source, String baseUrl, ObjectNode definitions,
            ArrayNode operations) {
        ObjectNode manifest = NODES.objectNode();
        manifest.put("format", ManifestLoader.FORMAT_V2);
        manifest.put("name", name);
        putText(manifest, "title", title);
        putText(manifest, "source", source);
        putText(manifest, "baseUrl", baseUrl);
        if (definitions != null && !definitions.isEmpty()) {
            manifest.set("definitions", definitions);
        }
        manifest.set("operations", operations);
        return manifest;
    }

    static ObjectNode operation(OperationMapper.Draft draft, Set<String> allIds) {
        OperationWalker.Source op = draft.source();
        JsonNode spec = op.operation();
        ObjectNode out = NODES.objectNode();
        out.put("id", draft.id());
        out.put("method", op.method().toUpperCase(Locale.ROOT));
        out.put("path", op.path());
        putText(out, "collection", firstTag(spec));
        String summary = SchemaMapper.text(spec, "summary");
        String description = SchemaMapper.text(spec, "description");
        if (summary == null && description == null) {
            summary = SchemaMapper.text(op.pathItem().node(), "summary");
            description = SchemaMapper.text(op.pathItem().node(), "description");
        }
        describe(out, summary, description);
        if (spec.path("deprecated").asBoolean(false)) {
            out.put("deprecated", true);
            putText(out, "replacedBy", description == null ? null
                    : FalconTableConverter.replacement(description, draft.id(), allIds));
        }
        mediaTypes(out, "consumes", draft.consumes());
        mediaTypes(out, "produces", draft.produces());
        ArrayNode parameters = out.putArray("parameters");
        draft.parameters().forEach(p -> parameters.add(p.toJson()));
        if (!draft.responses().isEmpty()) {
            out.set("responses", draft.responses());
        }
        return out;
    }

    /** One type as a string, several as a list, none left out. */
    private static void mediaTypes(ObjectNode out, String key, java.util.List<String> types) {
        if (types.size() == 1) {
            out.put(key, types.get(0));
        } else if (!types.isEmpty()) {
            ArrayNode list = out.putArray(key);
            types.forEach(list::add);
        }
    }

    private static String firstTag(JsonNode operation) {
        JsonNode tag = operation.path("tags").path(0);
        return tag.isTextual() && !tag.asText().isBlank() ? tag.asText().strip() : null;
    }

    /** A long summary is cut to one line; the full text then stays as the description. */
    private static void describe(ObjectNode out, String summary, String description) {
        String full = description != null ? description : summary;
        if (full == null) {
            return;
        }
        String line = FalconTableConverter.summarize(summary != null ? summary : description);
        putText(out, "summary", line.isEmpty() ? null : line);
        if (!full.equals(line)) {
            out.put("description", full);
        }
    }

    /** A manifest name (lower-case letters, digits, {@code -}) from the spec's title or file name. */
    static String name(String title, String sourceName) {
        String fromTitle = slug(title);
        if (!fromTitle.isEmpty()) {
            return fromTitle;
        }
        String file = sourceName == null ? "" : sourceName.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
        String fromFile = slug(file);
        return fromFile.isEmpty() ? "imported" : fromFile;
    }

    private static String slug(String text) {
        if (text == null) {
            return "";
        }
        // "Café API" becomes "cafe-api" rather than "caf-api".
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static void putText(ObjectNode out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(key, value);
        }
    }
}
