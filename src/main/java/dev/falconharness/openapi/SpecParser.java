package dev.falconharness.openapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a spec's bytes as JSON or YAML. JSON is recognised by its first character ({@code {} or
 * {@code [}); everything else is read as YAML, with anchors and aliases resolved (see
 * {@link YamlTrees}). Thread-safe.
 */
final class SpecParser {
    // Duplicate keys are a spec error either format would otherwise hide (the last one would win);
    // numbers stay exactly as written, so "maximum: 1.50" is not turned into 1.5.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private SpecParser() {
    }

    /** @throws ImportException with line and column when the text is not well-formed */
    static JsonNode parse(byte[] content, String source) {
        boolean json = looksLikeJson(content);
        if (!json) {
            requireSnakeYaml(source);
        }
        try {
            JsonNode root = json ? JSON.readTree(content) : YamlTrees.read(content);
            return root == null || root.isMissingNode() ? null : root;
        } catch (YamlTrees.Problem e) {
            String where = e.line == 0 ? "" : " (line " + e.line + ", column " + e.column + ")";
            throw new ImportException(source, List.of(new ImportException.Problem("", "not valid YAML" + where + ": "
                    + e.getMessage())), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ImportException(source, List.of(new ImportException.Problem("",
                    "not valid " + (json ? "JSON" : "YAML") + where + ": " + e.getOriginalMessage())), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read spec " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * SnakeYAML is an optional dependency: a library user who imports only JSON specs does not need it.
     * Without it a YAML spec gets this message instead of a NoClassDefFoundError.
     */
    private static void requireSnakeYaml(String source) {
        try {
            Class.forName("org.yaml.snakeyaml.Yaml", false, SpecParser.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read " + source + ": YAML specs need SnakeYAML on the class path;"
                    + " add the dependency org.yaml:snakeyaml:2.3 (see the README, \"Add it to your build\"),"
                    + " or give the spec as JSON");
        }
    }

    private static boolean looksLikeJson(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 256), StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        return start.startsWith("{") || start.startsWith("[");
    }
}
