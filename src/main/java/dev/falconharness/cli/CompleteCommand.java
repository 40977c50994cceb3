package dev.falconharness.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falcon __complete -- <words...>}: the completion scripts' back end. Prints one candidate per
 * line for the last word (see {@link Completer}). Hidden; its output format is only for the scripts
 * that {@code falcon completion} prints. Never fails: a broken line simply completes nothing.
 */
@Command(name = "__complete", hidden = true)
final class CompleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    FalconCommand parent;

    /** The scripts put {@code --} first, so words that look like options arrive here as they are. */
    @Parameters(arity = "0..*")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            new Completer(spec.root(), this::profiles).complete(words).forEach(out::println);
        } catch (RuntimeException e) {
            // An unreadable manifest named on the line: no candidates rather than noise in the prompt.
        }
        out.flush();
        return ExitCodes.OK;
    }

    private java.util.Collection<String> profiles() {
        try {
            return Profiles.load(parent.io()).names();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
