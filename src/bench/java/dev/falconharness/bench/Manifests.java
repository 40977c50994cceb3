package dev.falconharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.ManifestLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Manifest documents of any size made from the built-in one, to show how costs grow with the number of
 * operations: the first {@code n} operations (with {@code GetRoles} always first), or for more than the
 * real 1,508, copies with suffixed IDs ({@code GetRoles_2}).
 */
final class Manifests {
    /** Operations in the built-in Falcon manifest. */
    static final int FALCON_SIZE = 1508;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Manifests() {
    }

    /** The bytes of the built-in {@code falcon.json}, exactly as they ship. */
    static byte[] falconBytes() {
        try (InputStream in = Manifest.class.getResourceAsStream("falcon.json")) {
            if (in == null) {
                throw new IllegalStateException("falcon.json is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A manifest document with {@code operations} operations; the built-in bytes for its own size. */
    static byte[] document(int operations) {
        byte[] falcon = falconBytes();
        if (operations == FALCON_SIZE) {
            return falcon;
        }
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(falcon);
            ArrayNode all = (ArrayNode) root.get("operations");
            ArrayNode chosen = MAPPER.createArrayNode();
            all.forEach(op -> {
                if (op.path("id").asText().equals(Calls.OPERATION)) {
                    chosen.add(op);
                }
            });
            for (int copy = 1; chosen.size() < operations; copy++) {
                for (JsonNode op : all) {
                    if (chosen.size() == operations) {
                        break;
                    }
                    if (copy > 1 || !op.path("id").asText().equals(Calls.OPERATION)) {
                        chosen.add(copy == 1 ? op : renamed(op, copy));
                    }
                }
            }
            root.set("operations", chosen);
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loaded manifest with {@code operations} operations. */
    static Manifest ofSize(int operations) {
        return ManifestLoader.load(new ByteArrayInputStream(document(operations)), "bench-" + operations + ".json");
    }

    private static JsonNode renamed(JsonNode op, int copy) {
        ObjectNode renamed = op.deepCopy();
        renamed.put("id", op.path("id").asText() + "_" + copy);
        return renamed;
    }
}
