package dev.falconharness;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The harness's own version, as Maven stamped it into the jar. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    /** E.g. {@code 0.1.0}; {@code dev} when run from unpackaged classes. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
