package dev.falconharness.manifest;

/**
 * The value type of a parameter (or of an array parameter's items), as Swagger 2.0 names it.
 *
 * <p>{@link #ANY} is what a {@code body} parameter without a {@code type} means: any JSON document.
 */
public enum ParamType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    ARRAY("array"),
    FILE("file"),
    OBJECT("object"),
    ANY("any");

    private final String jsonName;

    ParamType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in manifests, e.g. {@code integer}. */
    public String jsonName() {
        return jsonName;
    }

    /** Returns the type named {@code name} in a manifest, or {@code null} if there is none. */
    public static ParamType fromJson(String name) {
        for (ParamType type : values()) {
            if (type.jsonName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** True for the types a query, path, header or form field can carry as one value. */
    public boolean isScalar() {
        return this == STRING || this == INTEGER || this == NUMBER || this == BOOLEAN;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
