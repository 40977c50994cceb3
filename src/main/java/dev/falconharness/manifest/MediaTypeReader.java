package dev.falconharness.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an operation's {@code consumes} or {@code produces}: one media type, or (format 2) a list of
 * them, wildcards allowed; duplicates are dropped. The patterns are the checker's business.
 */
final class MediaTypeReader {
    private MediaTypeReader() {
    }

    /** The types {@code value} declares, in order; empty when absent. Problems go to {@code operation}. */
    static List<String> read(ManifestLoader.OperationReader operation, JsonNode value, String field, boolean v2) {
        List<String> types = new ArrayList<>();
        if (value == null) {
            return types;
        }
        if (value.isArray() && !v2) {
            operation.problem("/" + field, "a list of media types is a manifest format 2 feature; declare \"format\": \""
                    + ManifestLoader.FORMAT_V2 + "\" or give one type as a string");
        }
        if (value.isArray() && value.isEmpty()) {
            operation.problem("/" + field, "must list at least one media type (leave it out to declare none)");
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                operation.problem("/" + field + (value.isArray() ? "/" + i : ""),
                        "must be a media type such as application/json or */* (a string, or a list of them)");
            } else if (!types.contains(item.asText())) {
                types.add(item.asText());
            }
        }
        return types;
    }
}
