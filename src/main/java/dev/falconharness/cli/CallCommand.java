package dev.falconharness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code falcon call <OperationId> [name=value...]}: the same as {@code falcon <OperationId>}, for an
 * operation whose ID is also a command name, and for scripts that want to say "this is an ID".
 */
@Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = "falcon call [OPTIONS] <OperationId> [name=value...]",
        description = {"Call an operation by its ID, exactly like 'falcon <OperationId>'.",
            "Use it when an operation ID is also a command name (operations, describe...).", ""})
final class CallCommand implements Callable<Integer> {
    @ParentCommand
    FalconCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OperationId", description = "The operation to call (case-sensitive).")
    String operationId;

    @Parameters(index = "1..*", paramLabel = "name=value", description = "Arguments of the operation.")
    List<String> arguments = new ArrayList<>();

    @Mixin
    CallOptions options;

    @Override
    public Integer call() {
        return options.call(spec.commandLine(), parent.io()).profile(parent.profile()).run(operationId, arguments);
    }
}
