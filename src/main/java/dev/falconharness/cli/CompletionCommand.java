package dev.falconharness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falcon completion bash|zsh}: prints a completion script that completes commands, options,
 * operation IDs, each operation's parameter names and their allowed values.
 *
 * <p>Why not picocli's {@code AutoComplete}: its script knows only the static command tree, and the
 * interesting part here (1,508 operation IDs and their parameters, or another manifest's) is dynamic.
 * One completer in Java ({@link Completer}) answers both shells, including options, so there is one
 * source of truth and it is unit-tested.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.", "",
            "  bash:  source <(falcon completion bash)    (e.g. in ~/.bashrc)",
            "  zsh:   source <(falcon completion zsh)     (e.g. in ~/.zshrc, after compinit)"})
final class CompletionCommand implements Callable<Integer> {
    /** The shells a script exists for. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(shell == Shell.bash ? CompletionScripts.BASH : CompletionScripts.ZSH);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
