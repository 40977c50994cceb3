package dev.falconharness.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects import warnings in the order they are found. The operation being mapped is remembered so
 * that helpers deep in the mapping (reference resolution, schema mapping) need not carry it. One
 * importer run owns one instance; not thread-safe.
 */
final class Warnings {
    // A set: a shared $ref parameter used by one operation twice must not report the same thing twice.
    private final Set<ImportWarning> found = new LinkedHashSet<>();
    private String operationId;

    void warn(String pointer, String message) {
        found.add(new ImportWarning(pointer, operationId, message));
    }

    /** Attributes the following warnings to {@code id} (null: to the document). */
    void operation(String id) {
        this.operationId = id;
    }

    List<ImportWarning> list() {
        return List.copyOf(new ArrayList<>(found));
    }
}
