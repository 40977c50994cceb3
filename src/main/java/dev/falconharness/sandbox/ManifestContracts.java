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
    private final java.util.Set<String> knownAnswers;
    private final Map<String, Contract> built = new ConcurrentHashMap<>();

    /** @param handWritten contracts that win over the manifest's, e.g. {@link UserManagementContracts} */
    ManifestContracts(Manifest manifest, OperationContracts handWritten) {
        this(manifest, handWritten, java.util.Set.of());
    }

    /**
     * @param knownAnswers operations whose handlers answer as the real API is known to, undocumented
     *                     statuses included (the fleet's 400 for an FQL syntax error or an offset past
     *                     10,000): their bodies are checked, their statuses left as they are
     */
    ManifestContracts(Manifest manifest, OperationContracts handWritten, java.util.Set<String> knownAnswers) {
        this.manifest = manifest;
        this.handWritten = handWritten;
        this.knownAnswers = java.util.Set.copyOf(knownAnswers);
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

    private Contract build(Operation op) {
        return Contract.of(body(op), knownAnswers.contains(op.id()) ? new TreeSet<>() : documented(op));
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
