package dev.falconharness.cli;

import picocli.CommandLine.ArgGroup;

/**
 * The option groups every operation call takes, shared by {@code falcon <OperationId>} and
 * {@code falcon call <OperationId>} as a picocli mixin so the two cannot drift apart.
 */
final class CallOptions {
    @ArgGroup(validate = false, heading = "%nRequest:%n", order = 1)
    RequestOptions request;

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 2)
    OutputOptions output;

    @ArgGroup(validate = false, heading = "%nConnection:%n", order = 3)
    ConnectionOptions connection;

    @ArgGroup(validate = false, heading = "%nManifests:%n", order = 4)
    ManifestOptions manifests;

    OperationCall call(picocli.CommandLine commandLine, Io io) {
        return new OperationCall(commandLine, io, request, output, connection, manifests);
    }
}
