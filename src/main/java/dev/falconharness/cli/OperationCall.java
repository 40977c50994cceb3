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
    /** {@code --profile} given before a command ({@code falcon --profile eu call ...}), or null. */
    private String profile;

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

    /** The profile named on the command line outside this command's own options. */
    OperationCall profile(String name) {
        this.profile = name;
        return this;
    }

    int run(String operationId, List<String> words) {
        Interruption.interruptCalls();
        if (output.pretty && output.compact) {
            throw CommandFailure.usage("--pretty and --compact contradict each other; give one");
        }
        if (!connection.sandbox) {
            manifests.defaultTo(Profiles.manifest(io, connection.profile != null ? connection.profile : profile));
        }
        // An unknown ID fails here, before a client or sandbox is started for nothing.
        Operation op = manifests.operation(operationId);
        CallArguments args = CallArguments.parse(op, words, request, io);
        checkAllOptions(args);
        connection.bodyValidation = BodyCheck.parse(request.bodyCheck);
        try (BodyCheck.Scope warnings = BodyCheck.warnings(err);
                Session session = Connector.open(connection, manifests, io, output.verbose ? err : null)) {
            PreparedRequest prepared = session.harness().prepare(operationId, args.params(), args.body());
            for (String[] header : args.extraHeaders()) {
                prepared = prepared.withHeader(header[0], header[1]);
            }
            warnIfDeprecated(op);
            if (request.dryRun) {
                out.print(DryRun.render(prepared, session, op, args));
                out.flush();
                return ExitCodes.OK;
            }
            if (output.all) {
                requireCredentials(session);
                return new AllPages(out, err, io, output).print(session.harness().paginate(operationId, args.params(), args.body()));
            }
            return send(session, prepared);
        }
    }

    private void checkAllOptions(CallArguments args) {
        if (output.array && !output.all) {
            throw CommandFailure.usage("--array only shapes the output of --all; add --all or drop --array");
        }
        if (output.all && output.output != null) {
            throw CommandFailure.usage("--all prints records; it cannot save one download with --output");
        }
        OutputFile.check(output.output);
        output.check();
        if (output.all && !args.extraHeaders().isEmpty()) {
            throw CommandFailure.usage("--all cannot add --header values; declare the header in the manifest instead");
        }
    }

    private static void requireCredentials(Session session) {
        if (session.auth() == Session.Auth.MISSING) {
            throw Connector.missingCredentials();
        }
    }

    private int send(Session session, PreparedRequest prepared) {
        requireCredentials(session);
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
