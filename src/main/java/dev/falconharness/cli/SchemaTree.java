package dev.falconharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.schema.JsonType;
import dev.falconharness.schema.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema as an indented field tree for {@code falcon describe}: one line per field with its type,
 * {@code required}, its allowed values and format, then its description; objects and arrays of objects
 * have their fields indented under them, {@code oneOf}/{@code anyOf} alternatives are listed as
 * {@code (alternative N)}, and a {@code $ref} that leads back to a definition already open on the path
 * is cut with {@value #CYCLE}. Stateless.
 *
 * <pre>
 *   uid  string, required
 *       The user's email address.
 *   roleIds  array of string
 * </pre>
 */
final class SchemaTree {
    /** Marks a reference back to a definition already shown above it. */
    static final String CYCLE = "(recursive: shown above)";
    private static final int WIDTH = 100;
    private static final int ENUM_SHOWN = 12;
    /** Field names are padded to the longest of their siblings, up to this many columns. */
    private static final int NAME_COLUMN = 28;

    private final List<String> lines = new ArrayList<>();
    private final Deque<String> open = new ArrayDeque<>();
    private final int maxDepth;
    private final boolean descriptions;

    private SchemaTree(int maxDepth, boolean descriptions) {
        this.maxDepth = maxDepth;
        this.descriptions = descriptions;
    }

    /**
     * The fields of {@code schema} (an object, an array of objects, or alternatives), each line starting
     * with {@code indent}; at most {@code maxDepth} levels of nesting.
     */
    static List<String> fields(Schema schema, String indent, int maxDepth, boolean descriptions) {
        SchemaTree tree = new SchemaTree(maxDepth, descriptions);
        Schema s = schema.resolved();
        // An array's fields are its items': show those (a response's resources is an array of records).
        tree.children(s.types().contains(JsonType.ARRAY) ? s.items().orElse(Schema.ANY) : schema, indent, 0);
        return tree.lines;
    }

    /** What a value of {@code schema} is: {@code string (date-time)}, {@code array of object (domain.User)}... */
    static String type(Schema schema) {
        Schema s = schema.resolved();
        String name = s.types().isEmpty() ? (s.allProperties().isEmpty() ? alternativesOrAny(s) : "object") : types(s);
        if (s.types().contains(JsonType.ARRAY)) {
            name = "array of " + s.items().map(SchemaTree::type).orElse("any");
        }
        if (s.format() != null) {
            name += " (" + s.format() + ")";
        }
        return schema.ref() != null && name.startsWith("object") ? name + " (" + schema.ref() + ")" : name;
    }

    private static String alternativesOrAny(Schema s) {
        if (!s.oneOf().isEmpty()) {
            return "one of " + s.oneOf().size() + " alternatives";
        }
        return s.anyOf().isEmpty() ? "any" : "any of " + s.anyOf().size() + " alternatives";
    }

    private static String types(Schema s) {
        List<String> names = new ArrayList<>();
        for (JsonType type : s.types()) {
            if (type != JsonType.NULL) {
                names.add(type.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        String joined = String.join(" or ", names);
        return s.types().contains(JsonType.NULL) ? joined + ", nullable" : joined;
    }

    /** The names {@code schema} requires: its own, its reference's and its {@code allOf} parts'. */
    static Set<String> required(Schema schema) {
        Set<String> names = new LinkedHashSet<>();
        collectRequired(schema, names, 0);
        return names;
    }

    private static void collectRequired(Schema s, Set<String> into, int depth) {
        if (depth > 32) {
            return;
        }
        into.addAll(s.required());
        if (s.ref() != null) {
            collectRequired(s.resolved(), into, depth + 1);
        }
        for (Schema part : s.allOf()) {
            collectRequired(part, into, depth + 1);
        }
    }

    /** The schema whose fields show under a field: the object itself, or an array's items. */
    static Schema container(Schema schema) {
        Schema s = schema.resolved();
        if (s.types().contains(JsonType.ARRAY)) {
            return s.items().map(Schema::resolved).orElse(null);
        }
        return s;
    }

    private void children(Schema schema, String indent, int depth) {
        Schema s = schema.resolved();
        boolean entered = enter(schema);
        try {
            Map<String, Schema> properties = s.allProperties();
            Set<String> required = required(schema);
            int width = 0;
            for (String name : properties.keySet()) {
                width = Math.max(width, Math.min(name.length(), NAME_COLUMN));
            }
            for (Map.Entry<String, Schema> field : properties.entrySet()) {
                field(field.getKey(), width, field.getValue(), required.contains(field.getKey()), indent, depth);
            }
            alternatives(s, indent, depth);
        } finally {
            leave(entered);
        }
    }

    private void alternatives(Schema s, String indent, int depth) {
        List<Schema> choices = !s.oneOf().isEmpty() ? s.oneOf() : s.anyOf();
        String word = !s.oneOf().isEmpty() ? "exactly one of these" : "one or more of these";
        if (choices.isEmpty()) {
            return;
        }
        lines.add(indent + "(" + word + ")");
        for (int i = 0; i < choices.size(); i++) {
            Schema choice = choices.get(i);
            lines.add(indent + "(alternative " + (i + 1) + ") " + type(choice));
            nested(choice, indent + "  ", depth);
        }
    }

    private void field(String name, int width, Schema schema, boolean required, String indent, int depth) {
        Schema s = schema.resolved();
        StringBuilder line = new StringBuilder(indent).append(Text.pad(name, width)).append(type(schema));
        if (required) {
            line.append(", required");
        }
        String constraints = constraints(s);
        if (!constraints.isEmpty()) {
            line.append("; ").append(constraints);
        }
        lines.add(line.toString());
        String description = schema.description() != null ? schema.description() : s.description();
        if (descriptions && description != null && !description.isBlank()) {
            lines.addAll(Text.wrap(Text.oneLine(description), WIDTH, indent + "    "));
        }
        nested(schema, indent + "  ", depth);
    }

    /** The fields of an object or of an array's object items, one level further in. */
    private void nested(Schema schema, String indent, int depth) {
        Schema inner = container(schema);
        if (inner == null || inner.allProperties().isEmpty() && inner.oneOf().isEmpty() && inner.anyOf().isEmpty()) {
            return;
        }
        String ref = refOf(schema);
        if (ref != null && open.contains(ref)) {
            lines.add(indent + CYCLE.replace("shown above", ref + ", shown above"));
        } else if (depth + 1 >= maxDepth) {
            lines.add(indent + "... (" + inner.allProperties().size() + " fields, not shown at this depth)");
        } else {
            Schema holder = schema.resolved().types().contains(JsonType.ARRAY) ? schema.resolved().items().orElse(inner) : schema;
            children(holder, indent, depth + 1);
        }
    }

    /** The definition a schema, or its array's items, refers to. */
    private static String refOf(Schema schema) {
        if (schema.ref() != null) {
            return schema.ref();
        }
        Schema s = schema.resolved();
        return s.types().contains(JsonType.ARRAY) ? s.items().map(Schema::ref).orElse(null) : null;
    }

    private boolean enter(Schema schema) {
        if (schema.ref() == null) {
            return false;
        }
        open.push(schema.ref());
        return true;
    }

    private void leave(boolean entered) {
        if (entered) {
            open.pop();
        }
    }

    private static String constraints(Schema s) {
        List<String> parts = new ArrayList<>();
        if (!s.enumValues().isEmpty()) {
            List<String> shown = new ArrayList<>();
            for (JsonNode value : s.enumValues().subList(0, Math.min(ENUM_SHOWN, s.enumValues().size()))) {
                shown.add(value.isTextual() ? value.asText() : value.toString());
            }
            int more = s.enumValues().size() - shown.size();
            parts.add("one of: " + String.join(", ", shown) + (more > 0 ? " and " + more + " more" : ""));
        }
        if (s.constValue() != null) {
            parts.add("always " + s.constValue());
        }
        if (s.minLength() >= 0 || s.maxLength() >= 0) {
            parts.add("length " + range(s.minLength(), s.maxLength()));
        }
        if (s.minItems() >= 0 || s.maxItems() >= 0) {
            parts.add("items " + range(s.minItems(), s.maxItems()));
        }
        s.minimum().ifPresent(min -> parts.add("at least " + min.toPlainString()));
        s.maximum().ifPresent(max -> parts.add("at most " + max.toPlainString()));
        s.pattern().ifPresent(p -> parts.add("pattern " + p.pattern()));
        if (s.readOnly()) {
            parts.add("read-only");
        }
        if (s.deprecated()) {
            parts.add("deprecated");
        }
        return String.join("; ", parts);
    }

    private static String range(int min, int max) {
        return min >= 0 && max >= 0 ? min + " to " + max : min >= 0 ? "at least " + min : "at most " + max;
    }
}
