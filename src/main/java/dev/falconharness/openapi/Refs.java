package dev.falconharness.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows local {@code $ref}s ({@code #/components/schemas/Widget}, {@code #/parameters/limit}) inside
 * one spec. References to other files or URLs are not fetched: the importer reads one document and
 * nothing else, so they become warnings. Chains that loop are cut with a warning. Not thread-safe
 * (it reports through the run's {@link Warnings}).
 */
final class Refs {
    /** A node of the spec and the JSON pointer of the place it was found. */
    record Located(JsonNode node, String pointer) {
    }

    private final JsonNode root;
    private final Warnings warnings;

    Refs(JsonNode root, Warnings warnings) {
        this.root = root;
        this.warnings = warnings;
    }

    /**
     * The node that {@code node} stands for: itself, or the end of its {@code $ref} chain. Returns null,
     * with a warning at the failing reference, when the chain leaves the document, points at nothing or
     * loops.
     *
     * @param what names the thing being resolved in warnings, e.g. {@code "parameter"}
     */
    Located resolve(JsonNode node, String pointer, String what) {
        List<String> chain = new ArrayList<>();
        JsonNode current = node;
        String at = pointer;
        while (current != null && current.isObject() && current.has("$ref")) {
            String ref = current.get("$ref").asText("");
            String refAt = Pointers.child(at, "$ref");
            if (!ref.startsWith("#")) {
                warnings.warn(refAt, what + " refers to another document (" + ref + "), which the importer does "
                        + "not fetch; " + what + " skipped (inline or bundle the spec to keep it)");
                return null;
            }
            String target = decode(ref.substring(1));
            if (chain.contains(target)) {
                warnings.warn(refAt, "$ref cycle " + String.join(" -> ", chain) + " -> " + target + "; " + what + " skipped");
                return null;
            }
            chain.add(target);
            current = find(target);
            if (current == null) {
                warnings.warn(refAt, "$ref " + ref + " points at nothing in this document; " + what + " skipped");
                return null;
            }
            at = target;
        }
        return current == null ? null : new Located(current, at);
    }

    private JsonNode find(String pointer) {
        try {
            JsonNode found = root.at(JsonPointer.compile(pointer));
            return found.isMissingNode() ? null : found;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A reference is a URI fragment: {@code %7B} stands for {@code {}; {@code ~1} is left to JsonPointer. */
    static String decode(String fragment) {
        if (fragment.indexOf('%') < 0) {
            return fragment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '%' && i + 2 < fragment.length() && isHex(fragment.charAt(i + 1)) && isHex(fragment.charAt(i + 2))) {
                bytes.write(Integer.parseInt(fragment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
