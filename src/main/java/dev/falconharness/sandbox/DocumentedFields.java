package dev.falconharness.sandbox;

import dev.falconharness.manifest.Manifest;
import dev.falconharness.schema.JsonType;
import dev.falconharness.schema.Schema;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields FQL may filter and sort a collection on: those its records keep, and every other scalar
 * property its entity's schema in the built-in manifest documents. A record leaves the others empty, so a
 * filter on one matches nothing, as on a real customer where no record reports it, and a sort on one keeps
 * the records' order. Stateless.
 */
final class DocumentedFields {
    private DocumentedFields() {
    }

    /** {@code kept} and the scalar properties of {@code definition} (only {@code kept} if it is not defined). */
    static Set<String> with(Collection<String> kept, String definition) {
        Set<String> names = new TreeSet<>(kept);
        Schema entity = Manifest.falcon().definitions().get(definition);
        if (entity != null) {
            entity.resolved().properties().forEach((name, schema) -> {
                Set<JsonType> types = schema.resolved().types();
                if (!types.isEmpty() && !types.contains(JsonType.OBJECT) && !types.contains(JsonType.ARRAY)) {
                    names.add(name);
                }
            });
        }
        return Set.copyOf(names);
    }
}
