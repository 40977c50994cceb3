package dev.falconharness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Rewrites a command line before picocli parses it, so that it means what a person meant:
 * <ul>
 *   <li>options before a command move after it when the command takes them:
 *       {@code falcon --manifest t.json operations} is {@code falcon operations --manifest t.json}
 *       (picocli would give them to {@code falcon} itself, where an operation call ignores them);</li>
 *   <li>{@code falcon OP --help} is {@code falcon describe OP}, with any {@code --manifest} kept.</li>
 * </ul>
 * Everything after {@code --} is left alone. Stateless.
 */
final class ArgumentOrder {
    private static final Set<String> HELP = Set.of("-h", "--help");

    private ArgumentOrder() {
    }

    /** The arguments to parse with {@code root} (a {@code falcon} command line) in place of {@code args}. */
    static String[] rewrite(CommandLine root, String... args) {
        CommandSpec spec = root.getCommandSpec();
        List<String> before = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("--") && !HELP.contains(args[i])) {
            int width = optionWidth(spec.findOption(name(args[i])), args, i);
            for (int k = 0; k < width; k++) {
                before.add(args[i + k]);
            }
            i += width;
        }
        if (i >= args.length) {
            return args;
        }
        CommandLine sub = root.getSubcommands().get(args[i]);
        if (sub != null) {
            return moveAfter(sub.getCommandSpec(), before, args, i);
        }
        if (!args[i].startsWith("-") && asksForHelp(args, i + 1)) {
            return describe(before, args, i);
        }
        return args;
    }

    /** {@code falcon [opts] CMD rest}: the options CMD knows go right after it, the others stay in front. */
    private static String[] moveAfter(CommandSpec sub, List<String> before, String[] args, int at) {
        List<String> front = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (int k = 0; k < before.size(); k++) {
            String word = before.get(k);
            boolean known = sub.findOption(name(word)) != null;
            int width = word.startsWith("-") ? optionWidth(sub.findOption(name(word)), before.toArray(new String[0]), k) : 1;
            for (int w = 0; w < width && k + w < before.size(); w++) {
                (known ? moved : front).add(before.get(k + w));
            }
            k += width - 1;
        }
        List<String> result = new ArrayList<>(front);
        result.add(args[at]);
        result.addAll(moved);
        result.addAll(List.of(args).subList(at + 1, args.length));
        return result.toArray(new String[0]);
    }

    /** {@code falcon [opts] OP ... --help}: describe OP from the same manifests. */
    private static String[] describe(List<String> before, String[] args, int at) {
        List<String> result = new ArrayList<>(List.of("describe", args[at]));
        for (int k = 0; k < args.length; k++) {
            String word = args[k];
            if (word.equals("--")) {
                break;
            }
            if (word.equals("-m") || word.equals("--manifest")) {
                if (k + 1 < args.length) {
                    result.add(word);
                    result.add(args[++k]);
                }
            } else if (word.startsWith("--manifest=")) {
                result.add(word);
            }
        }
        return result.toArray(new String[0]);
    }

    private static boolean asksForHelp(String[] args, int from) {
        for (int k = from; k < args.length && !args[k].equals("--"); k++) {
            if (HELP.contains(args[k])) {
                return true;
            }
        }
        return false;
    }

    /** How many words the option at {@code i} takes up: itself, plus its value unless attached with '='. */
    private static int optionWidth(OptionSpec option, String[] args, int i) {
        if (option == null || args[i].contains("=") || option.arity().max() == 0) {
            return 1;
        }
        return Math.min(2, args.length - i);
    }

    private static String name(String word) {
        int equals = word.indexOf('=');
        return equals > 0 ? word.substring(0, equals) : word;
    }
}
