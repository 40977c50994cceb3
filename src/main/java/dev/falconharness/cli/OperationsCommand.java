package dev.falconharness.cli;

import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code falcon operations}: one line per operation (ID, method, path, summary), deprecated ones marked
 * with their replacement. Filters by collection and by words that must all appear somewhere in the line.
 */
@Command(name = "operations", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "List operations: ID, method, path and summary.")
final class OperationsCommand implements Callable<Integer> {
    private static final int MAX_ID_WIDTH = 48;
    private static final int MAX_PATH_WIDTH = 72;

    @ParentCommand
    FalconCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME",
            description = "Only operations of this collection (e.g. user_management).")
    String collection;

    @Option(names = {"-s", "--search"}, paramLabel = "TEXT",
            description = "Only operations whose ID, path, collection or summary contain every word of TEXT (any case).")
    String search;

    @Option(names = "--collections", description = "List the collections and their operation counts instead.")
    boolean collections;

    @ArgGroup(validate = false, heading = "%nManifests:%n")
    ManifestOptions manifests;

    @Override
    public Integer call() {
        Manifest manifest = ManifestOptions.orDefault(manifests).defaultTo(Profiles.manifest(parent.io(), parent.profile())).load();
        PrintWriter out = spec.commandLine().getOut();
        if (collections) {
            collectionCounts(manifest).forEach((name, count) -> out.println(Text.pad(name, 40) + count));
            out.flush();
            return ExitCodes.OK;
        }
        checkCollection(manifest);
        List<Operation> matches = matches(manifest);
        print(out, matches);
        if (parent.io().terminal() || matches.isEmpty()) {
            spec.commandLine().getErr().println(matches.size() + " of " + manifest.size() + " operations");
        }
        return ExitCodes.OK;
    }

    private List<Operation> matches(Manifest manifest) {
        String[] words = search == null ? new String[0] : search.toLowerCase(Locale.ROOT).strip().split("\\s+");
        List<Operation> matches = new ArrayList<>();
        for (Operation op : manifest.operations()) {
            if (collection != null && !collection.equals(op.collection())) {
                continue;
            }
            String haystack = (op.id() + " " + op.path() + " " + op.collection() + " " + op.summary())
                    .toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String word : words) {
                all &= haystack.contains(word);
            }
            if (all) {
                matches.add(op);
            }
        }
        return matches;
    }

    private void checkCollection(Manifest manifest) {
        if (collection == null) {
            return;
        }
        Map<String, Integer> counts = collectionCounts(manifest);
        if (!counts.containsKey(collection)) {
            List<String> close = Suggestions.closest(collection, counts.keySet(), 3);
            throw CommandFailure.usage("unknown collection \"" + collection + "\""
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                    + " See 'falcon operations --collections'.");
        }
    }

    private static Map<String, Integer> collectionCounts(Manifest manifest) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Operation op : manifest.operations()) {
            counts.merge(op.collection() == null ? "(none)" : op.collection(), 1, Integer::sum);
        }
        return counts;
    }

    private static void print(PrintWriter out, List<Operation> ops) {
        int idWidth = 0;
        int pathWidth = 0;
        for (Operation op : ops) {
            idWidth = Math.min(MAX_ID_WIDTH, Math.max(idWidth, op.id().length()));
            pathWidth = Math.min(MAX_PATH_WIDTH, Math.max(pathWidth, op.path().length()));
        }
        for (Operation op : ops) {
            String summary = Text.oneLine(op.summary());
            if (op.deprecated()) {
                summary = "[deprecated" + (op.replacedBy() != null ? ", use " + op.replacedBy() : "") + "] " + summary;
            }
            out.println((Text.pad(op.id(), idWidth) + Text.pad(op.method(), 6) + Text.pad(op.path(), pathWidth)
                    + summary).stripTrailing());
        }
        out.flush();
    }
}
