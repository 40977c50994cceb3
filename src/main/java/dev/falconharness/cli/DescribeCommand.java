package dev.falconharness.cli;

import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.request.SortExpressions;
import dev.falconharness.schema.Schema;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falcon describe <OperationId>}: the operation's method, path, collection and deprecation, every
 * parameter with its location, type, constraints and description, the body's fields as a tree, the shape
 * of the success response's {@code resources}, and how to pass it all on the command line. With
 * {@code --body-template}, a JSON skeleton of the body instead. Reads only the manifest: no harness, no
 * credentials.
 */
@Command(name = "describe", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Show an operation: method, path, every parameter with its type and constraints, the body's fields",
            "and the shape of what a successful call returns. --body-template prints a body to fill in instead."})
final class DescribeCommand implements Callable<Integer> {
    private static final int WIDTH = 100;
    private static final String INDENT = "      ";
    /** Levels of a body's field tree shown; deeper ones are counted, not listed. */
    private static final int BODY_DEPTH = 6;
    /** Levels of a response's resources shown: enough to see a record's shape. */
    private static final int RESOURCES_DEPTH = 2;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    FalconCommand parent;

    @Parameters(paramLabel = "OperationId", description = "The operation to describe (case-sensitive).")
    String operationId;

    @Option(names = "--body-template", description = "Print a JSON body with every required field and a placeholder "
            + "value of its type, to edit and send with --body @FILE.")
    boolean bodyTemplate;

    @Option(names = "--all-fields", description = "With --body-template: the optional fields too.")
    boolean allFields;

    @ArgGroup(validate = false, heading = "%nManifests:%n")
    ManifestOptions manifests;

    @Override
    public Integer call() {
        Operation op = ManifestOptions.orDefault(manifests).defaultTo(Profiles.manifest(parent.io(), parent.profile()))
                .operation(operationId);
        PrintWriter out = spec.commandLine().getOut();
        if (allFields && !bodyTemplate) {
            throw CommandFailure.usage("--all-fields only shapes --body-template; add --body-template or drop --all-fields");
        }
        if (bodyTemplate) {
            out.println(ResponsePrinter.json(BodyTemplate.of(templateSchema(op), allFields), true));
            out.flush();
            return ExitCodes.OK;
        }
        header(out, op);
        parameters(out, op);
        body(out, op);
        resources(out, op);
        out.println();
        out.println("Usage:");
        out.println("  " + usage(op));
        String fields = fieldUsage(op);
        if (fields != null) {
            out.println("  " + fields);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void header(PrintWriter out, Operation op) {
        out.println(op.id());
        out.println("  " + op.method() + " " + op.path());
        if (op.collection() != null) {
            out.println("  collection: " + op.collection());
        }
        if (op.unpublished()) {
            out.println("  unpublished: gone from the published spec; may still answer");
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

    /** The body schema a template is made from; an operation without a JSON body has none to offer. */
    private static Schema templateSchema(Operation op) {
        if (op.bodyParameter().isEmpty()) {
            throw CommandFailure.usage(op.id() + " takes no body" + (op.has(Location.FORM_DATA)
                    ? "; its form fields are name=value arguments (see 'falcon describe " + op.id() + "')" : ""));
        }
        Schema schema = op.bodySchema().orElse(null);
        if (schema == null || schema.isBinary() || op.consumes() != null && !op.consumes().contains("json")) {
            throw CommandFailure.usage(op.id() + "'s body is not described by a JSON schema in this manifest;"
                    + " see 'falcon describe " + op.id() + "'");
        }
        return schema;
    }

    /** The body's fields as a tree, when the body is JSON with a schema. */
    private static void body(PrintWriter out, Operation op) {
        Schema schema = op.bodySchema().orElse(null);
        if (schema == null || schema.isBinary()) {
            return;
        }
        out.println();
        out.println("Body: " + SchemaTree.type(schema));
        List<String> fields = SchemaTree.fields(schema, "  ", BODY_DEPTH, true);
        fields.forEach(out::println);
        if (SchemaTree.container(schema) != null && !SchemaTree.container(schema).allProperties().isEmpty()) {
            Text.wrap("(give the fields as name=value or name:=JSON arguments, or the whole body with --body;"
                    + " 'falcon describe " + op.id() + " --body-template' prints one to fill in)", WIDTH, "  ").forEach(out::println);
        }
    }

    /** The shape of the success response's {@code resources}: its items' fields, a couple of levels deep. */
    private static void resources(PrintWriter out, Operation op) {
        for (String status : op.responses().keySet()) {
            if (!status.startsWith("2")) {
                continue;
            }
            Schema response = op.responseSchema(Integer.parseInt(status)).orElse(null);
            Schema resources = response == null ? null : response.resolved().allProperties().get("resources");
            if (resources != null) {
                out.println();
                out.println("Response " + status + ": resources is " + SchemaTree.type(resources));
                SchemaTree.fields(resources, "  ", RESOURCES_DEPTH, false).forEach(out::println);
            }
            return;
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
            parts.add("one of: " + String.join(", ", p.enumValues())
                    + (SortExpressions.listsFields(p) ? ", each with .asc, .desc, |asc or |desc after it if wanted" : ""));
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

    /**
     * The same call with the body given as field words ({@code roleIds=A[,...]}, or {@code name:='{...}'}
     * for an object), when the body is a JSON object with fields; null otherwise.
     */
    static String fieldUsage(Operation op) {
        Schema body = op.bodySchema().orElse(null);
        Schema object = body == null || body.isBinary() ? null : body.resolved();
        if (object == null || object.allProperties().isEmpty() || op.consumes() != null && !op.consumes().contains("json")) {
            return null;
        }
        StringBuilder line = new StringBuilder("falcon ").append(op.id());
        for (Parameter p : op.parameters()) {
            if (p.required() && p.location() != Location.BODY) {
                line.append(' ').append(argument(p));
            }
        }
        java.util.Set<String> required = SchemaTree.required(body);
        for (java.util.Map.Entry<String, Schema> field : object.allProperties().entrySet()) {
            if (required.contains(field.getKey())) {
                line.append(' ').append(fieldArgument(field.getKey(), field.getValue().resolved()));
            }
        }
        return line.append(required.size() < object.allProperties().size() ? " [field=value...]" : "").toString();
    }

    private static String fieldArgument(String name, Schema field) {
        if (!field.enumValues().isEmpty() && field.enumValues().get(0).isValueNode()) {
            return name + "=" + field.enumValues().get(0).asText();
        }
        Schema items = field.items().map(Schema::resolved).orElse(null);
        if (field.types().contains(dev.falconharness.schema.JsonType.OBJECT) || items != null && !items.allProperties().isEmpty()) {
            return name + ":='" + (items != null ? "[{...}]" : "{...}") + "'";
        }
        String value = name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return name + "=" + value + (field.types().contains(dev.falconharness.schema.JsonType.ARRAY) ? "[,...]" : "");
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
