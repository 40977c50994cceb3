package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.manifest.Manifest;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a Swagger 2.0 or OpenAPI 3.0/3.1 document (JSON or YAML) into a {@code falcon-harness/manifest@1}
 * manifest, so that any API with a spec can be called by operation ID like Falcon.
 *
 * <pre>{@code
 * ImportResult result = SpecImporter.importSpec(Path.of("tickets.yaml"));
 * result.warnings().forEach(w -> System.err.println(w));   // what was skipped, changed or derived
 * result.writeTo(Path.of("tickets.json"));                 // optional: the manifest as a file
 * try (Harness api = Harness.builder().manifest(result.manifest()).build()) {
 *     api.command("getTicket", Map.of("ticketId", 42));
 * }
 * }</pre>
 *
 * <p>The spec is read alone: local {@code $ref}s are followed, references to other files or URLs are
 * not. A part that cannot be expressed in a manifest is left out and reported as an
 * {@link ImportWarning} with its JSON pointer; an operation whose parts cannot be made valid is left
 * out whole, with a warning. The finished manifest is checked by {@link ManifestChecker} and loaded
 * by {@link ManifestLoader}; nothing invalid is returned. The mapping rules are listed in the README
 * ("Driving other APIs") and in the classes that apply them: {@link ServerUrls} (base URL),
 * {@link OperationIds}, {@link ParameterMapper}, {@link SchemaMapper}, {@link Styles},
 * {@link RequestBodyMapper}, {@link ParameterSet}, {@link ManifestWriter}.
 *
 * <p>Defaults: the manifest's {@code name} is the spec title in lower case with dashes
 * ({@code "Ticketing API"} becomes {@code ticketing-api}), or the file name; its {@code source} names the
 * file, title, version and dialect. Thread-safe; every call is independent.
 *
 * <p>Every method throws {@link ImportException} when the input is not JSON or YAML, not a Swagger 2.0
 * or OpenAPI 3.x document, or declares one operationId twice.
 */
public final class SpecImporter {
    private SpecImporter() {
    }

    /** Imports the spec file at {@code spec}; its file name is the manifest's provenance. */
    public static ImportResult importSpec(Path spec) {
        try {
            byte[] content = Files.readAllBytes(spec);
            return importTree(SpecParser.parse(content, spec.toString()), name(spec));
        } catch (NoSuchFileException e) {
            throw new ImportException(spec.toString(), "", "file not found (working directory: "
                    + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read spec " + spec + ": " + e.getMessage(), e);
        }
    }

    /** Imports a spec read from {@code in} (JSON or YAML); {@code sourceName} names it in messages. */
    public static ImportResult importSpec(InputStream in, String sourceName) {
        try {
            return importTree(SpecParser.parse(in.readAllBytes(), sourceName), sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read spec " + sourceName + ": " + e.getMessage(), e);
        }
    }

    /** Imports an already parsed spec document. */
    public static ImportResult importTree(JsonNode spec, String sourceName) {
        Warnings warnings = new Warnings();
        SpecVersion version = SpecVersion.detect(spec, sourceName, warnings);
        Refs refs = new Refs(spec, warnings);
        String baseUrl = new ServerUrls(warnings).baseUrl(spec, version);
        List<OperationWalker.Source> sources = new OperationWalker(refs, warnings).walk(spec);
        SecurityMapper security = new SecurityMapper(warnings);
        security.map(spec, version, sources);
        List<String> ids = OperationIds.assign(sources, sourceName, warnings);
        ObjectNode definitions = new SchemaConverter(spec, version, refs, warnings).definitions();
        ArrayNode operations = operations(spec, version, refs, warnings, sources, ids, sourceName, definitions, security);
        String title = SchemaMapper.text(spec.path("info"), "title");
        ObjectNode manifest = ManifestWriter.document(ManifestWriter.name(title, sourceName), title,
                provenance(spec, version, sourceName), baseUrl, definitions, operations);
        if (security.auth() != null || security.schemes() != null) {
            // Authentication reads best before the payload definitions and operations.
            manifest.remove("definitions");
            manifest.remove("operations");
            putSecurity(manifest, security);
            if (!definitions.isEmpty()) {
                manifest.set("definitions", definitions);
            }
            manifest.set("operations", operations);
        }
        return new ImportResult(manifest, load(manifest, sourceName), warnings.list());
    }

    private static ArrayNode operations(JsonNode spec, SpecVersion version, Refs refs, Warnings warnings,
            List<OperationWalker.Source> sources, List<String> ids, String sourceName, ObjectNode definitions,
            SecurityMapper security) {
        OperationMapper mapper = new OperationMapper(spec, version, refs, warnings);
        Set<String> allIds = new HashSet<>(ids);
        ArrayNode operations = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < sources.size(); i++) {
            warnings.operation(ids.get(i));
            OperationMapper.Draft draft = mapper.map(sources.get(i), ids.get(i));
            ObjectNode operation = ManifestWriter.operation(draft, allIds);
            ArrayNode own = security.operationSecurity(sources.get(i));
            if (own != null) {
                operation.set("security", own);
            }
            if (isValid(operation, definitions, security, draft.source().pointer(), sourceName, warnings)) {
                operations.add(operation);
            }
        }
        warnings.operation(null);
        dropDanglingReplacements(operations);
        return operations;
    }

    /** A replacement that was itself skipped would send readers to an operation that does not exist. */
    private static void dropDanglingReplacements(ArrayNode operations) {
        Set<String> kept = new HashSet<>();
        operations.forEach(op -> kept.add(op.get("id").asText()));
        for (JsonNode op : operations) {
            if (op.has("replacedBy") && !kept.contains(op.get("replacedBy").asText())) {
                ((ObjectNode) op).remove("replacedBy");
            }
        }
    }

    /**
     * Checks one operation alone, so that one the importer cannot make valid costs that operation
     * only, not the whole import.
     */
    private static boolean isValid(ObjectNode operation, ObjectNode definitions, SecurityMapper security, String pointer,
            String sourceName, Warnings warnings) {
        ArrayNode single = JsonNodeFactory.instance.arrayNode().add(operation);
        ObjectNode reachable = JsonNodeFactory.instance.objectNode();
        try {
            // The definitions are checked once, with the whole manifest (load); here each one the operation
            // names stands as {}, so checking an operation costs its own schemas only, not the definitions
            // they reach (which made large specs quadratic).
            SchemaSubset.referencedBy(single).keySet().forEach(reachable::putObject);
        } catch (IllegalArgumentException e) {
            warnings.warn(pointer, "operation skipped, its schemas cannot be expressed: " + e.getMessage());
            return false;
        }
        ObjectNode document = ManifestWriter.document("check", null, null, null, reachable, single);
        if (operation.has("security")) {
            document.set("securitySchemes", security.schemes());
        }
        List<ManifestProblem> problems = ManifestChecker.check(document, sourceName);
        if (problems.isEmpty()) {
            return true;
        }
        List<String> reasons = new ArrayList<>();
        for (ManifestProblem problem : problems) {
            String within = problem.pointer() == null ? "" : problem.pointer().replaceFirst("^/operations/0", "");
            reasons.add((within.isEmpty() ? "" : within + ": ") + problem.message());
        }
        warnings.warn(pointer, "operation skipped, it would make the manifest invalid: " + String.join("; ", reasons));
        return false;
    }

    private static void putSecurity(ObjectNode manifest, SecurityMapper security) {
        if (security.auth() != null) {
            manifest.set("auth", security.auth());
            return;
        }
        manifest.set("securitySchemes", security.schemes());
        if (security.security() != null) {
            manifest.set("security", security.security());
        }
    }

    /** The finished manifest, checked like a hand-written one and loaded; never half valid. */
    private static Manifest load(ObjectNode manifest, String sourceName) {
        List<ManifestProblem> problems = ManifestChecker.check(manifest, sourceName);
        if (!problems.isEmpty()) {
            List<ImportException.Problem> reasons = new ArrayList<>();
            problems.forEach(p -> reasons.add(new ImportException.Problem(p.pointer() == null ? "" : p.pointer(),
                    "the generated manifest is invalid" + (p.operationId() == null ? "" : " (operation " + p.operationId() + ")")
                            + ": " + p.message())));
            throw new ImportException(sourceName, reasons, new ManifestException(problems));
        }
        return ManifestLoader.fromTree(manifest, sourceName + " (imported)");
    }

    private static String provenance(JsonNode spec, SpecVersion version, String sourceName) {
        String title = SchemaMapper.text(spec.path("info"), "title");
        String apiVersion = SchemaMapper.text(spec.path("info"), "version");
        String about = (title == null ? "" : title) + (apiVersion == null ? "" : " " + apiVersion);
        return sourceName + ": " + (about.isBlank() ? "" : about.strip() + ", ") + "imported from " + version.displayName();
    }

    private static String name(Path spec) {
        Path file = spec.getFileName();
        return file == null ? spec.toString() : file.toString();
    }
}
