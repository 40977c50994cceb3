package dev.falconharness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes JSON results as {@code --format} asks: JSON lines, YAML, a table or CSV. A Falcon envelope
 * ({@code {"meta":..., "resources":[...]}}) is shown by its resources in a table or CSV, one row per
 * record; {@code --columns} picks the columns (dotted paths reach into objects), otherwise the columns
 * are the record's fields that hold plain values, the identifying ones first. Stateless.
 */
final class Rendering {
    /** Fields shown first when a record has them: what identifies a record to a person. */
    private static final List<String> FIRST = List.of("id", "device_id", "uid", "uuid", "cid", "name", "hostname",
            "first_name", "last_name", "status", "state", "severity", "platform_name", "created_timestamp",
            "modified_timestamp");
    /** More columns than this and a table no longer fits a terminal; --columns shows any. */
    private static final int DEFAULT_COLUMNS = 8;
    /** Longer cells are cut in a table (never in CSV). */
    private static final int MAX_CELL = 60;

    private Rendering() {
    }

    /** The whole of one result in {@code format} (not {@link Format#JSON}, which the printers write). */
    static String render(JsonNode value, Format format, List<String> columns) {
        return switch (format) {
            case JSON -> ResponsePrinter.json(value, true) + "\n";
            case JSONL -> jsonLines(rows(value));
            case YAML -> yaml(value);
            case TABLE -> table(rows(value), columns(rows(value), columns));
            case CSV -> csv(rows(value), columns(rows(value), columns), true);
        };
    }

    /** The records of a result: an array's items, an envelope's resources, or the value itself. */
    static List<JsonNode> rows(JsonNode value) {
        JsonNode items = value.isObject() && value.path("resources").isArray() ? value.get("resources") : value;
        List<JsonNode> rows = new ArrayList<>();
        if (items.isArray()) {
            items.forEach(rows::add);
        } else if (!items.isMissingNode() && !items.isNull()) {
            rows.add(items);
        }
        return rows;
    }

    static String jsonLines(List<JsonNode> rows) {
        StringBuilder out = new StringBuilder();
        rows.forEach(row -> out.append(ResponsePrinter.json(row, false)).append('\n'));
        return out.toString();
    }

    static String yaml(JsonNode value) {
        try {
            return Yaml.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always has a YAML form", e);
        }
    }

    /** The requested columns, or the defaults for these rows. */
    static List<String> columns(List<JsonNode> rows, List<String> requested) {
        if (requested != null && !requested.isEmpty()) {
            return requested;
        }
        Set<String> plain = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                return List.of("value");
            }
            row.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode() || isListOfValues(field.getValue())) {
                    plain.add(field.getKey());
                }
            });
        }
        List<String> ordered = new ArrayList<>();
        FIRST.stream().filter(plain::contains).forEach(ordered::add);
        plain.stream().filter(name -> !ordered.contains(name)).forEach(ordered::add);
        return ordered.subList(0, Math.min(DEFAULT_COLUMNS, ordered.size()));
    }

    private static boolean isListOfValues(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** A cell's text: the value at a dotted path; lists of values joined by commas; objects as JSON. */
    static String cell(JsonNode row, String column) {
        JsonNode node = row;
        // A record that is a plain value (an ID) is its own single "value" column.
        if (row.isContainerNode() || !column.equals("value")) {
            for (String part : column.split("\\.")) {
                node = node.path(part);
            }
        }
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (isListOfValues(node)) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return ResponsePrinter.json(node, false);
    }

    static String table(List<JsonNode> rows, List<String> columns) {
        int[] widths = new int[columns.size()];
        List<String[]> cells = new ArrayList<>();
        String[] header = columns.toArray(new String[0]);
        cells.add(header);
        for (JsonNode row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = shorten(cell(row, columns.get(i)).replaceAll("\\s+", " "));
            }
            cells.add(line);
        }
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(i == line.length - 1 ? line[i] : Text.pad(line[i], widths[i]));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 3) + "...";
    }

    /** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
    static String csv(List<JsonNode> rows, List<String> columns, boolean header) {
        StringBuilder out = new StringBuilder();
        if (header) {
            out.append(csvLine(columns));
        }
        for (JsonNode row : rows) {
            List<String> line = new ArrayList<>();
            columns.forEach(column -> line.add(cell(row, column)));
            out.append(csvLine(line));
        }
        return out.toString();
    }

    private static String csvLine(List<String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
            quoted.add(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        return String.join(",", quoted) + "\r\n";
    }

    /** Built on first use: only --format yaml pays for the YAML classes. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    }
}
