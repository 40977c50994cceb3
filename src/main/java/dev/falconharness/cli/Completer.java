package dev.falconharness.cli;

import dev.falconharness.Cloud;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.schema.JsonType;
import dev.falconharness.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Works out what may come next on a {@code falcon} command line, for the shell completion scripts:
 * commands and operation IDs, each operation's {@code name=} parameters and top-level body fields,
 * their allowed values, and the
 * options of the command being typed. It returns every candidate for the position; the shell filters
 * by what has been typed (so it can cache one answer for every keystroke in the same position).
 * {@link #DEFAULT} means "complete file names".
 */
final class Completer {
    /** The answer meaning "let the shell complete file names". */
    static final String DEFAULT = "@default";
    /** The answer meaning "complete file names after an {@code @}" ({@code --body @user.json}). */
    static final String FILE_AFTER_AT = "@default:@";

    private static final Set<String> FILE_OPTIONS = Set.of("--output", "--manifest", "--client-secret-file", "--ca-cert",
            "--out");

    /** Commands whose positional parameter is a file. */
    private static final Set<String> FILE_POSITIONALS = Set.of("batch", "import", "check");

    private final CommandSpec root;
    private CommandSpec command;
    private String operationId;
    private int positionals;
    private final List<Path> manifestFiles = new ArrayList<>();
    private final Set<String> given = new HashSet<>();
    private ManifestOptions manifests;
    private final java.util.function.Supplier<java.util.Collection<String>> profiles;

    Completer(CommandSpec root) {
        this(root, List::of);
    }

    /** @param profiles the names of the user's profiles, read only when {@code --profile} is completed */
    Completer(CommandSpec root, java.util.function.Supplier<java.util.Collection<String>> profiles) {
        this.root = root;
        this.command = root;
        this.profiles = profiles;
    }

    /** Candidates for the last of {@code words} (the words after {@code falcon}; the last may be empty). */
    List<String> complete(List<String> words) {
        if (words.isEmpty()) {
            return complete(List.of(""));
        }
        OptionSpec pending = walk(words.subList(0, words.size() - 1));
        String current = words.get(words.size() - 1);
        if (pending != null) {
            return optionValues(pending, current);
        }
        if (current.startsWith("--") && current.contains("=")) {
            // --cloud=<TAB>: the option's values, whole words, as the shell matches them.
            OptionSpec option = command.findOption(current.substring(0, current.indexOf('=')));
            String prefix = current.substring(0, current.indexOf('=') + 1);
            return option == null ? List.of() : optionValues(option, "").stream().map(value -> prefix + value).toList();
        }
        if (current.startsWith("-")) {
            return optionNames();
        }
        return positionalCandidates(current);
    }

    /** Reads the words before the current one; returns the option still waiting for its value, if any. */
    private OptionSpec walk(List<String> words) {
        boolean endOfOptions = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!endOfOptions && word.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && word.startsWith("-") && word.length() > 1) {
                OptionSpec option = command.findOption(word.contains("=") ? word.substring(0, word.indexOf('=')) : word);
                if (option == null || option.arity().max() == 0 || word.contains("=")) {
                    remember(option, word.contains("=") ? word.substring(word.indexOf('=') + 1) : null);
                } else if (i + 1 < words.size()) {
                    remember(option, words.get(++i));
                } else {
                    return option;
                }
            } else {
                readPositional(word);
            }
        }
        return null;
    }

    private void remember(OptionSpec option, String value) {
        if (option != null && value != null && option.longestName().equals("--manifest")) {
            manifestFiles.add(Path.of(value));
        }
    }

    private void readPositional(String word) {
        if (positionals == 0 && command.subcommands().containsKey(word)) {
            command = command.subcommands().get(word).getCommandSpec();
            return;
        }
        if (positionals == 0 && takesOperation()) {
            operationId = word;
        } else if (word.contains("=")) {
            String name = word.substring(0, word.indexOf('='));
            given.add(name.endsWith(":") ? name.substring(0, name.length() - 1) : name);
        }
        positionals++;
    }

    private boolean takesOperation() {
        String name = command.name();
        return command == root || name.equals("call") || name.equals("describe") || name.equals("help");
    }

    private List<String> optionNames() {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            if (!option.hidden()) {
                names.add(option.longestName());
            }
        }
        return names;
    }

    private List<String> optionValues(OptionSpec option, String current) {
        String name = option.longestName();
        if (name.equals("--file")) {
            return current.contains("=") ? List.of(DEFAULT) : parameterNames(p -> p.type() == ParamType.FILE, "=");
        }
        if (name.equals("--header")) {
            return parameterNames(p -> p.location() == Location.HEADER, "=");
        }
        if (name.equals("--body")) {
            return current.startsWith("@") ? List.of(FILE_AFTER_AT) : List.of("@-", "@");
        }
        if (name.equals("--collection")) {
            return new ArrayList<>(new java.util.TreeSet<>(manifest().load().operations().stream()
                    .map(dev.falconharness.manifest.Operation::collection).filter(java.util.Objects::nonNull).toList()));
        }
        if (name.equals("--format")) {
            return List.of(Format.NAMES.split(", "));
        }
        if (name.equals("--body-check")) {
            return List.of(BodyCheck.NAMES.split(", "));
        }
        if (name.equals("--profile")) {
            return new ArrayList<>(profiles.get());
        }
        if (name.equals("--cloud")) {
            List<String> clouds = new ArrayList<>(List.of("auto"));
            for (Cloud cloud : Cloud.values()) {
                clouds.add(cloud.regionName());
            }
            return clouds;
        }
        return FILE_OPTIONS.contains(name) ? List.of(DEFAULT) : List.of();
    }

    private List<String> positionalCandidates(String current) {
        if (positionals == 0 && takesOperation()) {
            List<String> candidates = new ArrayList<>();
            if (command.name().equals("help")) {
                candidates.addAll(HelpTopics.all().keySet());
            }
            if (command == root || command.name().equals("help")) {
                root.subcommands().forEach((name, sub) -> {
                    if (!sub.getCommandSpec().usageMessage().hidden()) {
                        candidates.add(name);
                    }
                });
            }
            candidates.addAll(manifest().load().operationIds());
            return candidates;
        }
        if (command.name().equals("completion") && positionals == 0) {
            return List.of("bash", "zsh");
        }
        if (positionals == 0 && !command.subcommands().isEmpty()) {
            List<String> names = new ArrayList<>();
            command.subcommands().forEach((name, sub) -> names.add(name));
            return names;
        }
        if (FILE_POSITIONALS.contains(command.name())) {
            return List.of(DEFAULT);
        }
        if (operationId == null || command.name().equals("describe")) {
            return List.of();
        }
        return current.contains("=") ? values(current.substring(0, current.indexOf('='))) : arguments();
    }

    /**
     * {@code name=} for each parameter given as a word, then for each top-level field of a JSON object
     * body; single-valued ones already given are left out.
     */
    private List<String> arguments() {
        List<String> names = parameterNames(p -> p.location() != Location.BODY && p.type() != ParamType.FILE
                && (p.type() == ParamType.ARRAY || !given.contains(p.name())), "=");
        Operation op = operation();
        for (String field : bodyFields(op).keySet()) {
            if (!given.contains(field) && op.parameter(field) == null) {
                names.add(field + "=");
            }
        }
        return names;
    }

    /** The top-level fields of {@code op}'s JSON object body, by name; empty when it has none. */
    private static java.util.Map<String, Schema> bodyFields(Operation op) {
        Schema body = op == null ? null : op.bodySchema().orElse(null);
        if (body == null || op.consumes() != null && !op.consumes().contains("json")) {
            return java.util.Map.of();
        }
        Schema s = body.resolved();
        boolean object = s.types().isEmpty() || s.types().contains(JsonType.OBJECT);
        return object ? s.allProperties() : java.util.Map.of();
    }

    /** {@code name=value} for each allowed value of the parameter (its enum, or true/false). */
    private List<String> values(String name) {
        Operation op = operation();
        Parameter p = op == null ? null : op.parameter(name);
        if (p == null) {
            return fieldValues(op, name);
        }
        List<String> allowed = p.valueType() == ParamType.BOOLEAN ? List.of("true", "false") : p.enumValues();
        List<String> candidates = new ArrayList<>();
        for (String value : allowed) {
            candidates.add(name + "=" + value);
        }
        return candidates;
    }

    /** {@code name=value} for each allowed value of a body field (its enum, or true/false). */
    private static List<String> fieldValues(Operation op, String name) {
        Schema field = bodyFields(op).get(name);
        if (field == null) {
            return List.of();
        }
        Schema s = field.resolved();
        List<String> candidates = new ArrayList<>();
        if (s.types().equals(Set.of(JsonType.BOOLEAN))) {
            candidates.addAll(List.of(name + "=true", name + "=false"));
        }
        for (com.fasterxml.jackson.databind.JsonNode value : s.enumValues()) {
            if (value.isValueNode() && !value.isNull()) {
                candidates.add(name + "=" + value.asText());
            }
        }
        return candidates;
    }

    private List<String> parameterNames(Predicate<Parameter> wanted, String suffix) {
        Operation op = operation();
        List<String> names = new ArrayList<>();
        if (op != null) {
            for (Parameter p : op.parameters()) {
                if (wanted.test(p)) {
                    names.add(p.name() + suffix);
                }
            }
        }
        return names;
    }

    private Operation operation() {
        return operationId == null ? null : manifest().load().operation(operationId);
    }

    /** The manifests named so far on the line; read once, and only when a candidate needs them. */
    private ManifestOptions manifest() {
        if (manifests == null) {
            manifests = new ManifestOptions();
            manifests.files = manifestFiles;
        }
        return manifests;
    }
}
