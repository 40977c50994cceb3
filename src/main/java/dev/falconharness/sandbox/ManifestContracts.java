package dev.falconharness.sandbox;

import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.schema.Schema;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Contracts built from the manifest for every operation: a JSON body is checked against the operation's
 * body schema as the API's Go decoder checks it ({@link SchemaBody}), and answers keep to the status codes
 * the operation documents. Hand-written contracts (User Management) come first; this covers the rest.
 * Contracts are built on first use and kept. Thread-safe.
 */
final class ManifestContracts implements OperationContracts {
    private final Manifest manifest;
    private final OperationContracts handWritten;
    private final Map<String, Contract> built = new ConcurrentHashMap<>();

    /** @param handWritten contracts that win over the manifest's, e.g. {@link UserManagementContracts} */
    ManifestContracts(Manifest manifest, OperationContracts handWritten) {
        this.manifest = manifest;
        this.handWritten = handWritten;
    }

    @Override
    public Contract of(String operationId) {
        Contract written = handWritten.of(operationId);
        if (written != Contract.NONE) {
            return written;
        }
        Operation op = manifest.operation(operationId);
        return op == null ? Contract.NONE : built.computeIfAbsent(operationId, id -> build(op));
    }

    private static Contract build(Operation op) {
        return Contract.of(body(op), documented(op));
    }

    /** The statuses the operation documents ({@code default} documents none in particular). */
    static SortedSet<Integer> documented(Operation op) {
        SortedSet<Integer> statuses = new TreeSet<>();
        for (String status : op.responses().keySet()) {
            if (status.matches("[1-5]\\d\\d")) {
                statuses.add(Integer.parseInt(status));
            }
        }
        return statuses;
    }

    /** The JSON body check, or null for operations that take no JSON body (forms, files, raw bytes). */
    private static SchemaBody body(Operation op) {
        Optional<Parameter> parameter = op.bodyParameter();
        Optional<Schema> schema = op.bodySchema();
        boolean json = op.consumes() == null || op.consumes().contains("json");
        if (parameter.isEmpty() || schema.isEmpty() || !json || schema.get().isBinary()) {
            return null;
        }
        return new SchemaBody(op.id(), schema.get(), parameter.get().required());
    }
}
