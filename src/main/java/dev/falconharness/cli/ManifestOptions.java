package dev.falconharness.cli;

import dev.falconharness.UnknownOperationException;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --manifest FILE}, repeatable: the manifests whose operations can be called, listed and
 * described. Without it, the built-in Falcon manifest is used; it is loaded only when first needed.
 */
final class ManifestOptions {
    @Option(names = {"-m", "--manifest"}, paramLabel = "FILE",
            description = "Use the operations of this manifest instead of the built-in Falcon one "
                    + "(repeatable; operation IDs must not collide).")
    List<Path> files = new ArrayList<>();

    private Manifest loaded;

    /** The built-in manifest, one file, or the files combined; read once. */
    Manifest load() {
        if (loaded == null) {
            loaded = builtIn() ? Manifest.falcon() : combine();
        }
        return loaded;
    }

    /** The operation with this ID, or an {@link UnknownOperationException} naming the closest IDs. */
    Operation operation(String id) {
        Manifest manifest = load();
        Operation op = manifest.operation(id);
        if (op == null) {
            throw new UnknownOperationException(id, Suggestions.closest(id, manifest.operationIds(), 5), manifest.size());
        }
        return op;
    }

    private Manifest combine() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : files) {
            manifests.add(Manifest.load(file));
        }
        return manifests.size() == 1 ? manifests.get(0) : Manifest.combine(manifests.toArray(new Manifest[0]));
    }

    /** Uses {@code file} (a profile's manifest) when no --manifest was given; null changes nothing. */
    ManifestOptions defaultTo(Path file) {
        if (builtIn() && file != null && loaded == null) {
            files = new ArrayList<>(List.of(file));
        }
        return this;
    }

    /** True when the built-in Falcon manifest is used. */
    boolean builtIn() {
        return files == null || files.isEmpty();
    }

    /** Never null: picocli leaves an argument group unset when none of its options is given. */
    static ManifestOptions orDefault(ManifestOptions options) {
        return options != null ? options : new ManifestOptions();
    }
}
