package dev.falconharness.testing;

import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.ManifestLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The format 2 manifests in {@code src/test/resources/payloads}, loaded with the checking loader. */
public final class PayloadManifests {
    private PayloadManifests() {
    }

    /** The twelve user-management operations plus createUserV1, userActionV1 and PerformActionV2, schemas from the API. */
    public static Manifest userManagement() {
        return load("user-management-v2.json");
    }

    /** Hand-written shapes: nesting three deep, oneOf/anyOf, a $ref cycle, allOf, an encoded $ref, a collision. */
    public static Manifest shapes() {
        return load("shapes-v2.json");
    }

    private static Manifest load(String name) {
        try (InputStream in = PayloadManifests.class.getResourceAsStream("/payloads/" + name)) {
            return ManifestLoader.load(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
