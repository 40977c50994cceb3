package dev.falconharness.cli;

import dev.falconharness.ApiResponse;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.manifest.Operation;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Calls one operation from the command line: parses the arguments, opens a session, builds and checks
 * the request through the core (so validation and routing are exactly {@code Harness.command()}'s),
 * then prints a dry run or sends it and prints the response. Shared by {@code falcon <OperationId>}
 * and {@code falcon call <OperationId>}.
 */
final class OperationCall {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Io io;
    private final RequestOptions request;
    private final OutputOptions output;
    private final ConnectionOptions connection;
    private final ManifestOptions manifests;

    OperationCall(CommandLine commandLine, Io io, RequestOptions request, OutputOptions output,
            ConnectionOptions connection, ManifestOptions manifests) {
        this.out = commandLine.getOut();
        this.err = commandLine.getErr();
        this.io = io;
        this.request = RequestOptions.orDefault(request);
        this.output = OutputOptions.orDefault(output);
        this.connection = ConnectionOptions.orDefault(connection);
        this.manifests = ManifestOptions.orDefault(manifests);
    }

    int run(String operationId, List<String> words) {
        if (output.pretty && output.compact) {
            throw CommandFailure.usage("--pretty and --compact contradict each other; give one");
        }
        // An unknown ID fails here, before a client or sandbox is started for nothing.
        Operation op = manifests.operation(operationId);
        CallArguments args = CallArguments.parse(op, words, request, io);
        try (Session session = Connector.open(connection, manifests, io, output.verbose ? err : null)) {
            PreparedRequest prepared = session.harness().prepare(operationId, args.params(), args.body());
            for (String[] header : args.extraHeaders()) {
                prepared = prepared.withHeader(header[0], header[1]);
            }
            warnIfDeprecated(op);
            if (request.dryRun) {
                boolean bearer = session.auth() != Session.Auth.NONE_NEEDED;
                out.print(DryRun.render(prepared, bearer, op, args));
                out.flush();
                return ExitCodes.OK;
            }
            return send(session, prepared);
        }
    }

    private int send(Session session, PreparedRequest prepared) {
        if (session.auth() == Session.Auth.MISSING) {
            throw Connector.missingCredentials();
        }
        ApiResponse response = session.harness().send(prepared);
        return new ResponsePrinter(out, err, io, output).print(response);
    }

    private void warnIfDeprecated(Operation op) {
        if (!op.deprecated() || output.quiet) {
            return;
        }
        err.println("warning: " + op.id() + " is deprecated"
                + (op.replacedBy() != null ? "; use " + op.replacedBy() + " instead" : ""));
        err.flush();
    }
}
