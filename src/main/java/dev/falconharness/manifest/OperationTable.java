package dev.falconharness.manifest;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations behind a {@link Manifest}: either all built up front ({@link #of}), or read one at a
 * time when first asked for ({@link DeferredOperations}). Implementations are thread-safe.
 */
interface OperationTable {
    /** The operation with exactly this ID, or null. */
    Operation get(String id);

    /** Every operation, in manifest order. */
    List<Operation> all();

    /** Every operation ID, without reading any operation. */
    Set<String> ids();

    int size();

    /** A table over operations already built. */
    static OperationTable of(List<Operation> operations) {
        List<Operation> all = List.copyOf(operations);
        Map<String, Operation> byId = new HashMap<>(all.size() * 2);
        for (Operation op : all) {
            byId.put(op.id(), op);
        }
        Map<String, Operation> index = Collections.unmodifiableMap(byId);
        return new OperationTable() {
            @Override
            public Operation get(String id) {
                return index.get(id);
            }

            @Override
            public List<Operation> all() {
                return all;
            }

            @Override
            public Set<String> ids() {
                return index.keySet();
            }

            @Override
            public int size() {
                return all.size();
            }
        };
    }
}
