package dev.falconharness.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The operations of a manifest document that the build has already checked, read one at a time: a
 * single streaming pass over the document finds where each operation's object starts and ends, and an
 * operation is parsed and checked (with the same rules as {@link ManifestLoader#load}) the first time it
 * is asked for. A process that calls one operation of the built-in 1,508 reads one.
 *
 * <p>Thread-safe: two threads asking for the same unread operation may both read it; one result wins
 * and both get it.
 */
final class DeferredOperations implements OperationTable {
    /** The document, until every operation has been read: then nothing needs it. */
    private volatile byte[] document;
    private final String source;
    private final Map<String, Integer> positions;
    private final int[] starts;
    private final int[] ends;
    private final AtomicReferenceArray<Operation> read;
    private volatile List<Operation> all;

    private DeferredOperations(byte[] document, String source, Scan scan) {
        this.document = document;
        this.source = source;
        this.starts = scan.starts.stream().mapToInt(Integer::intValue).toArray();
        this.ends = scan.ends.stream().mapToInt(Integer::intValue).toArray();
        this.positions = Collections.unmodifiableMap(scan.positions);
        this.read = new AtomicReferenceArray<>(starts.length);
    }

    /**
     * Indexes {@code document}; returns null when it is not what a checked manifest looks like (not a
     * JSON object, no {@code operations} array, an operation without a string {@code id}, a duplicate ID)
     * so that the caller reads it the checking way and reports every problem.
     */
    static Indexed index(byte[] document, String source, ObjectMapper mapper) {
        try {
            Scan scan = new Scan();
            ObjectNode header = scan.run(mapper.getFactory(), document, mapper);
            return header == null ? null : new Indexed(header, new DeferredOperations(document, source, scan));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The document's top-level fields other than {@code operations}, and its operations. */
    record Indexed(ObjectNode header, DeferredOperations operations) {
    }

    @Override
    public Operation get(String id) {
        Integer position = positions.get(id);
        return position == null ? null : at(position);
    }

    @Override
    public List<Operation> all() {
        List<Operation> result = all;
        if (result == null) {
            List<Operation> ops = new ArrayList<>(starts.length);
            for (int i = 0; i < starts.length; i++) {
                ops.add(at(i));
            }
            result = List.copyOf(ops);
            all = result;
            document = null;
        }
        return result;
    }

    @Override
    public Set<String> ids() {
        return positions.keySet();
    }

    @Override
    public int size() {
        return starts.length;
    }

    private Operation at(int position) {
        Operation op = read.get(position);
        if (op == null) {
            byte[] from = document;
            if (from == null) {
                // Released after all() read every operation, which it did before the release.
                return read.get(position);
            }
            op = ManifestLoader.readOperation(from, starts[position], ends[position] - starts[position],
                    position, source);
            if (!read.compareAndSet(position, null, op)) {
                op = read.get(position);
            }
        }
        return op;
    }

    /** The streaming pass: operation offsets and IDs, and the small header kept as a tree. */
    private static final class Scan {
        final List<Integer> starts = new ArrayList<>();
        final List<Integer> ends = new ArrayList<>();
        final Map<String, Integer> positions = new HashMap<>(4096);

        ObjectNode run(JsonFactory factory, byte[] document, ObjectMapper mapper) throws IOException {
            try (JsonParser parser = factory.createParser(document)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                ObjectNode header = mapper.createObjectNode();
                boolean sawOperations = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("operations")) {
                        if (value != JsonToken.START_ARRAY || !operations(parser)) {
                            return null;
                        }
                        sawOperations = true;
                    } else {
                        header.set(field, mapper.readTree(parser));
                    }
                }
                return sawOperations && parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null
                        ? header : null;
            }
        }

        /** Reads the operations array up to its end; false if something needs the checking reader. */
        private boolean operations(JsonParser parser) throws IOException {
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                String id = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("id") && value == JsonToken.VALUE_STRING) {
                        id = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
                int end = (int) parser.currentLocation().getByteOffset();
                if (id == null || id.isBlank() || positions.putIfAbsent(id, starts.size()) != null) {
                    return false;
                }
                starts.add(start);
                ends.add(end);
            }
            return token == JsonToken.END_ARRAY;
        }
    }
}
