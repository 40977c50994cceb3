package dev.falconharness.openapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.falconharness.manifest.ManifestException;
import dev.falconharness.manifest.ManifestLoader;
import dev.falconharness.manifest.ManifestProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a hand-written manifest and returns every problem, each with the file, the operation and the
 * JSON pointer; an empty list means the manifest is valid.
 *
 * <pre>{@code
 * for (ManifestProblem p : ManifestChecker.check(Path.of("my-api.json"))) {
 *     System.err.println(p);   // my-api.json: operation GetThing at /operations/3/parameters/0/in: unknown location "querry"; ...
 * }
 * }</pre>
 *
 * <p>What it checks, in three layers:
 * <ol>
 *   <li>JSON syntax, with line and column, and duplicate keys (which a plain reader would let the last
 *       one win).</li>
 *   <li>Everything {@link ManifestLoader} checks when a harness loads the file: unknown keys (the
 *       schema's {@code additionalProperties: false}, with the closest known key), JSON types, methods,
 *       locations, parameter types, collection formats, enums, ranges, regular expressions, duplicate
 *       IDs and parameter names, path placeholders against path parameters, body and form conflicts.</li>
 *   <li>The schema rules the loader tolerates (see {@link SchemaRules}): required keys it defaults,
 *       the patterns of {@code name}, {@code baseUrl}, {@code id} and {@code consumes}, one-line summaries
 *       of at most 160 characters, flags that may only be {@code true}, arrays with {@code items} and
 *       {@code collectionFormat}. A manifest passing these loads everywhere and validates against
 *       {@code endpoints/manifest.schema.json}.</li>
 * </ol>
 * Problems come grouped by operation, in document order. Thread-safe; stateless.
 */
public final class ManifestChecker {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern OPERATION = Pattern.compile("/operations/(\\d{1,9})");

    private ManifestChecker() {
    }

    /** Checks the manifest file at {@code file}; a missing file is one problem. */
    public static List<ManifestProblem> check(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return check(in, file.toString());
        } catch (NoSuchFileException e) {
            return List.of(new ManifestProblem(file.toString(), null, null, "file not found"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** Checks a manifest read from {@code in}; {@code source} names it in the problems. */
    public static List<ManifestProblem> check(InputStream in, String source) {
        JsonNode tree;
        try {
            tree = STRICT.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return List.of(new ManifestProblem(source, null, null, "not valid JSON" + where + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read manifest " + source + ": " + e.getMessage(), e);
        }
        return check(tree, source);
    }

    /** Checks an already parsed manifest document. */
    public static List<ManifestProblem> check(JsonNode manifest, String source) {
        List<ManifestProblem> problems = new ArrayList<>();
        try {
            ManifestLoader.fromTree(manifest, source);
        } catch (ManifestException e) {
            problems.addAll(e.problems());
        }
        Set<String> loaderPointers = new HashSet<>();
        problems.forEach(p -> loaderPointers.add(p.pointer()));
        for (ManifestProblem extra : new SchemaRules(source).check(manifest)) {
            // Where the loader already complains about a value, its message is the more specific one.
            if (!loaderPointers.contains(extra.pointer())) {
                problems.add(extra);
            }
        }
        // Stable: within an operation, the loader's order is kept and the schema rules follow.
        problems.sort(Comparator.comparingInt(p -> operationIndex(p.pointer())));
        return List.copyOf(problems);
    }

    /** The index in {@code /operations/12/...}, or -1 for problems outside any operation. */
    static int operationIndex(String pointer) {
        Matcher m = OPERATION.matcher(pointer == null ? "" : pointer);
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : -1;
    }
}
