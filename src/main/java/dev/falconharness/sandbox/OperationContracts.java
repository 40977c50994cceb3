package dev.falconharness.sandbox;

/**
 * Where the sandbox finds each operation's {@link Contract}. Today one hand-written table covers User
 * Management ({@link UserManagementContracts}); once the manifest describes request bodies and responses
 * with JSON Schemas, an implementation built from those plugs in here and covers every operation.
 */
@FunctionalInterface
interface OperationContracts {
    /** The contract of an operation, or {@link Contract#NONE}. */
    Contract of(String operationId);
}
