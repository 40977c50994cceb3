package dev.falconharness.manifest;

/**
 * Where a parameter travels in the HTTP request, as Swagger 2.0's {@code in} names it.
 *
 * <p>The manifest spells these exactly like Swagger ({@code "formData"}, not {@code "form_data"}).
 */
public enum Location {
    QUERY("query"),
    PATH("path"),
    HEADER("header"),
    BODY("body"),
    FORM_DATA("formData");

    private final String jsonName;

    Location(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in manifests, e.g. {@code formData}. */
    public String jsonName() {
        return jsonName;
    }

    /** Returns the location named {@code name} in a manifest, or {@code null} if there is none. */
    public static Location fromJson(String name) {
        for (Location location : values()) {
            if (location.jsonName.equals(name)) {
                return location;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
