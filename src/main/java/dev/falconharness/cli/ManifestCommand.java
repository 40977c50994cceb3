package dev.falconharness.cli;

import dev.falconharness.manifest.ManifestProblem;
import dev.falconharness.openapi.ImportException;
import dev.falconharness.openapi.ImportResult;
import dev.falconharness.openapi.ImportWarning;
import dev.falconharness.openapi.ManifestChecker;
import dev.falconharness.openapi.SpecImporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falcon manifest import|check}: turn a Swagger 2.0 / OpenAPI 3.x spec into a manifest, and check
 * a hand-written manifest. Warnings and problems go to stderr, each with its JSON pointer; the manifest
 * goes to {@code --out} or stdout.
 */
@Command(name = "manifest", mixinStandardHelpOptions = true,
        description = "Manifest tools: import an OpenAPI/Swagger spec, check a manifest file.",
        subcommands = {ManifestCommand.Import.class, ManifestCommand.Check.class})
final class ManifestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code falcon manifest import SPEC [--out FILE]}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Convert a Swagger 2.0 or OpenAPI 3.0/3.1 spec (JSON or YAML) into a manifest.",
                    "Every part that cannot be mapped is reported on stderr with its JSON pointer.",
                    "Exit 0 when imported (even with warnings), 1 when the spec cannot be imported."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SPEC", description = "The spec file.")
        Path source;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the manifest here instead of stdout.")
        Path out;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (out != null) {
                // Checked first: an import of a large spec should not be thrown away at the end.
                OutputFile.check(out.toString(), "--out");
            }
            ImportResult result;
            try {
                result = SpecImporter.importSpec(source);
            } catch (ImportException e) {
                err.println("falcon: " + e.getMessage());
                return ExitCodes.ERROR;
            }
            for (ImportWarning warning : result.warnings()) {
                err.println("warning: " + warning);
            }
            if (out == null) {
                spec.commandLine().getOut().print(result.toJson());
                spec.commandLine().getOut().flush();
            } else {
                try {
                    result.writeTo(out);
                } catch (java.io.UncheckedIOException e) {
                    throw CommandFailure.error("cannot write " + out + ": " + e.getCause().getMessage());
                }
                err.println("Wrote " + result.manifest().size() + " operations to " + out
                        + (result.warnings().isEmpty() ? "" : " (" + result.warnings().size() + " warnings)"));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code falcon manifest check FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check a manifest against the JSON Schema and the loader's rules.",
                    "Every problem is printed with file, operation and JSON pointer.",
                    "Exit 0 when valid, 1 when not."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The manifest file.")
        Path file;

        @Override
        public Integer call() {
            List<ManifestProblem> problems = ManifestChecker.check(file);
            if (problems.isEmpty()) {
                spec.commandLine().getErr().println(file + ": valid");
                return ExitCodes.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(problem -> err.println(problem));
            err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + file);
            return ExitCodes.ERROR;
        }
    }
}
