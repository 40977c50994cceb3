package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lists a spec's operations in document order (paths as written, methods as written within each path)
 * and reports what it passes over: {@code trace} operations (the manifest has no TRACE), path items
 * behind external references, OpenAPI 3.1 webhooks. Not thread-safe (reports through the run's
 * {@link Warnings}).
 */
final class OperationWalker {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final Set<String> PATH_ITEM_KEYS = Set.of("$ref", "summary", "description", "servers", "parameters");

    /**
     * One operation as the spec has it.
     *
     * @param method    lower-case, as the spec writes it
     * @param path      the path key, e.g. {@code /users/{id}}
     * @param operation the operation object
     * @param pointer   where the operation is, e.g. {@code /paths/~1users~1{id}/get}
     * @param pathItem  the (resolved) path item it belongs to, for shared parameters and texts
     */
    record Source(String method, String path, JsonNode operation, String pointer, Refs.Located pathItem) {
    }

    private final Refs refs;
    private final Warnings warnings;

    OperationWalker(Refs refs, Warnings warnings) {
        this.refs = refs;
        this.warnings = warnings;
    }

    List<Source> walk(JsonNode root) {
        List<Source> operations = new ArrayList<>();
        JsonNode paths = root.path("paths");
        if (!paths.isObject() || paths.isEmpty()) {
            warnings.warn("/paths", "the spec has no paths; the manifest has no operations");
        }
        paths.fieldNames().forEachRemaining(path -> {
            if (!path.startsWith("x-")) {
                walkPath(path, paths.get(path), operations);
            }
        });
        if (root.path("webhooks").size() > 0) {
            warnings.warn("/webhooks", "webhooks are requests the API sends, not ones it answers; not imported");
        }
        return operations;
    }

    private void walkPath(String path, JsonNode node, List<Source> operations) {
        String at = Pointers.child("/paths", path);
        Refs.Located item = refs.resolve(node, at, "path item");
        if (item == null || !item.node().isObject()) {
            return;
        }
        if (item.node().has("servers")) {
            warnings.warn(Pointers.child(item.pointer(), "servers"), "servers of a single path are not imported; its "
                    + "operations use the manifest's base URL");
        }
        item.node().fieldNames().forEachRemaining(key -> {
            String opAt = Pointers.child(item.pointer(), key);
            if (METHODS.contains(key)) {
                operations.add(new Source(key, path, item.node().get(key), opAt, item));
            } else if (key.equals("trace")) {
                warnings.warn(opAt, "TRACE operations cannot be described in a manifest; skipped");
            } else if (METHODS.contains(key.toLowerCase(Locale.ROOT))) {
                warnings.warn(opAt, "\"" + key + "\" is not a method key (they are lower-case in specs); skipped");
            } else if (!PATH_ITEM_KEYS.contains(key) && !key.startsWith("x-")) {
                warnings.warn(opAt, "unknown path item key \"" + key + "\"; skipped");
            }
        });
    }
}
