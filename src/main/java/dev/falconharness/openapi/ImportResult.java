package dev.falconharness.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.manifest.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SpecImporter} made of a spec: the manifest document, the same manifest loaded and
 * checked, and everything the importer derived or left out.
 *
 * <pre>{@code
 * ImportResult result = SpecImporter.importSpec(Path.of("tickets.yaml"));
 * result.warnings().forEach(System.err::println);
 * result.writeTo(Path.of("tickets.json"));
 * Harness api = Harness.builder().manifest(result.manifest()).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@link #manifestJson()} hands out a copy of the document.
 *
 * @param manifestJson the {@code falcon-harness/manifest@1} document, keys in the order
 *                     {@link FalconTableConverter} writes them
 * @param manifest     the document loaded by {@link dev.falconharness.manifest.ManifestLoader}, ready for
 *                     {@code Harness.builder().manifest(...)}
 * @param warnings     every part of the spec that was skipped, changed or derived, in document order
 */
public record ImportResult(ObjectNode manifestJson, Manifest manifest, List<ImportWarning> warnings) {

    public ImportResult {
        manifestJson = manifestJson.deepCopy();
        warnings = List.copyOf(warnings);
    }

    /** A copy of the manifest document; changing it does not change this result. */
    @Override
    public ObjectNode manifestJson() {
        return manifestJson.deepCopy();
    }

    /** The manifest as written to disk: two-space indentation, {@code \n} line ends, a trailing newline. */
    public String toJson() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /**
     * Writes the manifest to {@code file} (UTF-8, as {@link #toJson()}), replacing what is there.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeTo(Path file) {
        try {
            Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write manifest " + file + ": " + e.getMessage(), e);
        }
    }

    private byte[] bytes() {
        try {
            return FalconTableConverter.render(manifestJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written as JSON", e);
        }
    }
}
