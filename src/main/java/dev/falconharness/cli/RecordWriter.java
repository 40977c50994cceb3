package dev.falconharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code --all}'s records one at a time in the chosen format, so that what was written is always
 * complete: JSON lines (the default), one JSON array ({@code --array} or {@code --format json}), a YAML
 * list, or CSV rows whose columns come from the first page. A table must know every row to size its
 * columns, so it is written at the end (after Ctrl-C too, with the rows so far). Not thread-safe.
 */
final class RecordWriter {
    private final PrintWriter out;
    private final Format format;
    private final boolean pretty;
    private final Query query;
    private List<String> columns;
    private final List<JsonNode> tableRows = new ArrayList<>();
    private long written;
    private boolean header;

    RecordWriter(PrintWriter out, OutputOptions output, boolean pretty) {
        this.out = out;
        this.format = output.array ? Format.JSON : output.format() == null ? Format.JSONL : output.format();
        this.pretty = pretty && format == Format.JSON;
        this.query = output.query();
        this.columns = output.columns;
    }

    /** Whether the output is one JSON array (its brackets must always be closed). */
    boolean array() {
        return format == Format.JSON;
    }

    void begin() {
        if (format == Format.JSON) {
            out.print("[");
        }
    }

    /** A page's records after {@code --query}; records the query leaves nothing of are dropped. */
    List<JsonNode> select(List<JsonNode> records) {
        List<JsonNode> selected = new ArrayList<>();
        for (JsonNode record : records) {
            JsonNode value = query == null ? record : query.apply(record);
            if (!value.isNull() && !value.isMissingNode()) {
                selected.add(value);
            }
        }
        if (format == Format.CSV && !header && !selected.isEmpty()) {
            columns = Rendering.columns(selected, columns);
            out.print(Rendering.csv(List.of(), columns, true));
            header = true;
        }
        return selected;
    }

    void write(JsonNode value) {
        switch (format) {
            case JSON -> out.print((written > 0 ? "," : "") + (pretty ? "\n  " : "") + ResponsePrinter.json(value, false));
            case JSONL -> out.println(ResponsePrinter.json(value, false));
            case YAML -> out.print(Rendering.yaml(JsonNodeFactory.instance.arrayNode().add(value)));
            case CSV -> out.print(Rendering.csv(List.of(value), columns, false));
            case TABLE -> tableRows.add(value);
        }
        written++;
    }

    void end() {
        if (format == Format.JSON) {
            out.println((pretty && written > 0 ? "\n" : "") + "]");
        } else if (format == Format.TABLE) {
            out.print(Rendering.table(tableRows, Rendering.columns(tableRows, columns)));
        }
    }
}
