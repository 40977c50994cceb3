package dev.falconharness.schema;

import java.util.Locale;

/** The JSON types a {@link Schema}'s {@code type} keyword names. An integer is also a number. */
public enum JsonType {
    NULL, BOOLEAN, INTEGER, NUMBER, STRING, ARRAY, OBJECT;

    /** The keyword's spelling: {@code "integer"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type spelt {@code name} in a schema, or null. */
    public static JsonType fromJson(String name) {
        for (JsonType type : values()) {
            if (type.jsonName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    int bit() {
        return 1 << ordinal();
    }
}
