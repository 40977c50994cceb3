package dev.falconharness.cli;

import dev.falconharness.manifest.Suggestions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falcon help [COMMAND|OperationId|TOPIC]}: a command's usage, an operation's description (as
 * {@code describe}), or a topic ({@link HelpTopics}); {@code falcon help --man} prints the manual page.
 */
@Command(name = "help", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Show help for a command, an operation, or a topic (falcon help body).",
            "Topics: body, fql, query, exit-codes, environment. An operation is shown as 'describe' shows it.",
            "'falcon help --man > falcon.1' writes the man page."})
final class HelpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A command, an operation ID or a topic.")
    String name;

    @Option(names = {"-m", "--manifest"}, paramLabel = "FILE",
            description = "Look the operation up in this manifest (repeatable), as 'describe' does.")
    List<Path> manifests = new ArrayList<>();

    @Option(names = "--man", description = "Print the manual page (troff), built from the commands and topics.")
    boolean man;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        if (man) {
            out.print(ManPage.render(root));
        } else if (name == null) {
            root.usage(out);
            out.println();
            out.println("Help topics: " + String.join(", ", HelpTopics.all().keySet()) + " (falcon help TOPIC)");
        } else if (HelpTopics.all().containsKey(name)) {
            out.print(HelpTopics.all().get(name));
        } else if (root.getSubcommands().containsKey(name)) {
            root.getSubcommands().get(name).usage(out);
        } else {
            return describe(root);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Anything else is an operation ID; an unknown one fails as 'describe' does, naming the closest IDs. */
    private int describe(CommandLine root) {
        ManifestOptions options = new ManifestOptions();
        options.files = manifests;
        if (options.load().operation(name) == null) {
            List<String> names = new ArrayList<>(HelpTopics.all().keySet());
            names.addAll(FalconCommand.COMMANDS);
            names.addAll(options.load().operationIds());
            List<String> close = Suggestions.closest(name, names, 3);
            throw CommandFailure.usage("no command, help topic or operation is named \"" + name + "\""
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                    + " Topics: " + String.join(", ", HelpTopics.all().keySet())
                    + "; find an operation with 'falcon operations --search TEXT'.");
        }
        List<String> args = new ArrayList<>(List.of(name));
        for (Path manifest : manifests) {
            args.add("--manifest");
            args.add(manifest.toString());
        }
        return root.getSubcommands().get("describe").execute(args.toArray(new String[0]));
    }

    /** The topics, for completion. */
    static Map<String, String> topics() {
        return HelpTopics.all();
    }
}
