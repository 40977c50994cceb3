package dev.falconharness.manifest;

/**
 * How an array parameter is written into a query string, path, header or form (Swagger 2.0).
 *
 * <p>{@code MULTI} repeats the name ({@code ids=a&ids=b}); the others join the values into one with
 * their delimiter ({@code CSV}: {@code ids=a,b}). Swagger 2.0 makes {@code CSV} the default.
 */
public enum CollectionFormat {
    CSV("csv", ","),
    SSV("ssv", " "),
    TSV("tsv", "\t"),
    PIPES("pipes", "|"),
    MULTI("multi", null);

    private final String jsonName;
    private final String delimiter;

    CollectionFormat(String jsonName, String delimiter) {
        this.jsonName = jsonName;
        this.delimiter = delimiter;
    }

    /** The name used in manifests, e.g. {@code multi}. */
    public String jsonName() {
        return jsonName;
    }

    /** The string placed between joined values, or {@code null} for {@link #MULTI}. */
    public String delimiter() {
        return delimiter;
    }

    /** Returns the format named {@code name} in a manifest, or {@code null} if there is none. */
    public static CollectionFormat fromJson(String name) {
        for (CollectionFormat format : values()) {
            if (format.jsonName.equals(name)) {
                return format;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
