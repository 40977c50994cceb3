package dev.falconharness.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falcon manifest}: reserved for manifest tools (convert an OpenAPI document, check a file) so
 * that adding them later cannot change what an existing command line means. Hidden until then.
 */
@Command(name = "manifest", hidden = true, description = "Reserved for manifest tools.")
final class ManifestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Taken and ignored, so that any future syntax gets the message below, not a parse error. */
    @Parameters(hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("falcon: 'falcon manifest' is reserved for manifest tools in a later "
                + "version. To call an operation named 'manifest', use 'falcon call manifest'.");
        return ExitCodes.USAGE;
    }
}
