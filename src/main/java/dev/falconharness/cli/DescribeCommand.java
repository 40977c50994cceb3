package dev.falconharness.cli;

import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falcon describe <OperationId>}: the operation's method, path, collection and deprecation, every
 * parameter with its location, type, constraints and description, and how to pass it on the command
 * line. Reads only the manifest: no harness, no credentials.
 */
@Command(name = "describe", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Show an operation: method, path, and every parameter with its type and constraints.")
final class DescribeCommand implements Callable<Integer> {
    private static final int WIDTH = 100;
    private static final String INDENT = "      ";

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    FalconCommand parent;

    @Parameters(paramLabel = "OperationId", description = "The operation to describe (case-sensitive).")
    String operationId;

    @ArgGroup(validate = false, heading = "%nManifests:%n")
    ManifestOptions manifests;

    @Override
    public Integer call() {
        Operation op = ManifestOptions.orDefault(manifests).defaultTo(Profiles.manifest(parent.io(), parent.profile()))
                .operation(operationId);
        PrintWriter out = spec.commandLine().getOut();
        header(out, op);
        parameters(out, op);
        out.println();
        out.println("Usage:");
        out.println("  " + usage(op));
        out.flush();
        return ExitCodes.OK;
    }

    private static void header(PrintWriter out, Operation op) {
        out.println(op.id());
        out.println("  " + op.method() + " " + op.path());
        if (op.collection() != null) {
            out.println("  collection: " + op.collection());
        }
        if (op.deprecated()) {
            out.println("  deprecated" + (op.replacedBy() != null ? ": use " + op.replacedBy() + " instead" : ""));
        }
        if (op.consumes() != null) {
            out.println("  consumes: " + op.consumes());
        }
        if (op.description() != null) {
            out.println();
            Text.wrap(Text.plain(op.description()), WIDTH, "").forEach(out::println);
        }
    }

    private static void parameters(PrintWriter out, Operation op) {
        out.println();
        if (op.parameters().isEmpty()) {
            out.println("No parameters.");
            return;
        }
        out.println("Parameters:");
        for (Parameter p : op.parameters()) {
            out.println("  " + p.name() + " (" + p.location() + ", " + type(p) + (p.required() ? ", required" : "") + ")");
            if (p.description() != null) {
                Text.wrap(Text.plain(p.description()), WIDTH, INDENT).forEach(out::println);
            }
            String constraints = constraints(p);
            if (!constraints.isEmpty()) {
                Text.wrap(constraints, WIDTH, INDENT).forEach(out::println);
            }
        }
    }

    /** E.g. {@code array of string, multi} or {@code integer (int64)}. */
    static String type(Parameter p) {
        if (p.location() == Location.BODY) {
            return p.type() == ParamType.ANY ? "JSON" : "JSON " + p.type();
        }
        String type = p.type() == ParamType.ARRAY
                ? "array of " + p.itemType() + ", " + p.collectionFormat()
                : p.type().jsonName();
        return p.format() == null ? type : type + " (" + p.format() + ")";
    }

    private static String constraints(Parameter p) {
        List<String> parts = new ArrayList<>();
        if (!p.enumValues().isEmpty()) {
            parts.add("one of: " + String.join(", ", p.enumValues()));
        }
        if (p.defaultValue() != null && !p.defaultValue().isNull()) {
            parts.add("default: " + (p.defaultValue().isValueNode() ? p.defaultValue().asText() : p.defaultValue().toString()));
        }
        addRange(parts, "range", p.minimum() == null ? null : p.minimum().toPlainString(),
                p.maximum() == null ? null : p.maximum().toPlainString());
        addRange(parts, "length", p.minLength() == null ? null : p.minLength().toString(),
                p.maxLength() == null ? null : p.maxLength().toString());
        addRange(parts, "items", p.minItems() == null ? null : p.minItems().toString(),
                p.maxItems() == null ? null : p.maxItems().toString());
        if (p.uniqueItems()) {
            parts.add("items unique");
        }
        if (p.pattern() != null) {
            parts.add("pattern: " + p.pattern().pattern());
        }
        return String.join("; ", parts);
    }

    private static void addRange(List<String> parts, String what, String min, String max) {
        if (min != null && max != null) {
            parts.add(what + ": " + min + " to " + max);
        } else if (min != null) {
            parts.add(what + ": at least " + min);
        } else if (max != null) {
            parts.add(what + ": at most " + max);
        }
    }

    /** The command line for the required parameters, and a reminder of the optional ones. */
    static String usage(Operation op) {
        StringBuilder line = new StringBuilder("falcon ").append(op.id());
        boolean optional = false;
        for (Parameter p : op.parameters()) {
            if (!p.required()) {
                optional = true;
                continue;
            }
            line.append(' ').append(argument(p));
        }
        return optional ? line.append(" [name=value...]").toString() : line.toString();
    }

    private static String argument(Parameter p) {
        if (p.location() == Location.BODY) {
            return "--body '{...}'";
        }
        if (p.type() == ParamType.FILE) {
            return "--file " + p.name() + "=@PATH";
        }
        String value = p.enumValues().isEmpty() ? p.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_')
                : p.enumValues().get(0);
        return p.name() + "=" + value + (p.type() == ParamType.ARRAY ? "[,...]" : "");
    }
}
