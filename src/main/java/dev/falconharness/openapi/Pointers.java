package dev.falconharness.openapi;

/** Builds JSON pointers (RFC 6901) into the spec, for warnings and errors. */
final class Pointers {
    private Pointers() {
    }

    /** {@code pointer} extended by one key; {@code /} and {@code ~} in the key are escaped. */
    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
