package dev.falconharness.schema;

/**
 * Where the validator is in a value: a linked list from the leaf up, made only when problems are being
 * collected, and turned into text only when one is found. Immutable.
 */
final class ValuePath {
    private final ValuePath parent;
    private final String name;
    private final int index;

    private ValuePath(ValuePath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    static ValuePath root(String name) {
        return new ValuePath(null, name, -1);
    }

    ValuePath field(String field) {
        return new ValuePath(this, field, -1);
    }

    ValuePath item(int i) {
        return new ValuePath(this, null, i);
    }

    boolean isRoot() {
        return parent == null;
    }

    /** RFC 6901: {@code /action_parameters/1/name}. */
    String pointer() {
        if (parent == null) {
            return "";
        }
        String step = name != null ? SchemaCompiler.escape(name) : Integer.toString(index);
        return parent.pointer() + "/" + step;
    }

    /** For people: {@code body.action_parameters[1].name}. */
    String dotted() {
        if (parent == null) {
            return name;
        }
        String up = parent.dotted();
        if (name == null) {
            return up + "[" + index + "]";
        }
        return up.isEmpty() ? name : up + "." + name;
    }
}
