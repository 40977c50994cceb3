package dev.falconharness.openapi;

import dev.falconharness.manifest.PathTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes one operation's mapped parameters a valid manifest parameter list. Not thread-safe (reports
 * through the run's {@link Warnings}).
 *
 * <ul>
 *   <li>Names are unique in a manifest operation: of two parameters with one name (a header and a
 *       query parameter, say) the first is kept, except that a path parameter always wins, since the
 *       path cannot be built without it.</li>
 *   <li>At most one body, and never a body together with form fields (the form fields are dropped).</li>
 *   <li>Path parameters without a {@code {placeholder}} in the path are dropped; a placeholder without
 *       a path parameter gets a required string parameter.</li>
 * </ul>
 */
final class ParameterSet {
    private final Warnings warnings;

    ParameterSet(Warnings warnings) {
        this.warnings = warnings;
    }

    List<ParamDraft> reconcile(String path, String operationPointer, List<ParamDraft> parameters) {
        List<ParamDraft> kept = uniqueNames(parameters);
        dropFormBesideBody(kept);
        matchPlaceholders(path, operationPointer, kept);
        return kept;
    }

    private List<ParamDraft> uniqueNames(List<ParamDraft> parameters) {
        List<ParamDraft> kept = new ArrayList<>();
        for (ParamDraft p : parameters) {
            ParamDraft earlier = find(kept, p.name);
            if (earlier != null && "path".equals(p.in) && !"path".equals(earlier.in)) {
                skip(earlier, "the path parameter of the same name, from " + p.pointer + ", takes its place");
                kept.remove(earlier);
            } else if (earlier != null) {
                skip(p, "a " + earlier.in + " parameter of the same name, from " + earlier.pointer
                        + ", came first (names must be unique within a manifest operation)");
                continue;
            }
            if (p.isBody() && kept.stream().anyMatch(ParamDraft::isBody)) {
                skip(p, "an operation has at most one body");
                continue;
            }
            kept.add(p);
        }
        return kept;
    }

    private void dropFormBesideBody(List<ParamDraft> kept) {
        if (kept.stream().noneMatch(ParamDraft::isBody)) {
            return;
        }
        for (ParamDraft p : List.copyOf(kept)) {
            if (p.isForm()) {
                skip(p, "a request carries either a body or form fields, and this operation has a body");
                kept.remove(p);
            }
        }
    }

    private void matchPlaceholders(String path, String operationPointer, List<ParamDraft> kept) {
        Set<String> placeholders;
        try {
            placeholders = new LinkedHashSet<>(PathTemplate.parse(path).placeholders());
        } catch (IllegalArgumentException e) {
            return; // The operation check reports the malformed path and skips the operation.
        }
        for (ParamDraft p : List.copyOf(kept)) {
            if ("path".equals(p.in) && !placeholders.contains(p.name)) {
                skip(p, "the path " + path + " has no {" + p.name + "} placeholder");
                kept.remove(p);
            }
        }
        for (String name : placeholders) {
            ParamDraft existing = find(kept, name);
            if (existing != null && "path".equals(existing.in)) {
                continue;
            }
            if (existing != null) {
                skip(existing, "the path needs a path parameter of that name");
                kept.remove(existing);
            }
            warnings.warn(operationPointer, "the path placeholder {" + name + "} has no path parameter in the spec; "
                    + "added as a required string");
            ParamDraft added = new ParamDraft(name, "path", operationPointer);
            added.type = "string";
            added.required = true;
            kept.add(added);
        }
    }

    private static ParamDraft find(List<ParamDraft> parameters, String name) {
        for (ParamDraft p : parameters) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        return null;
    }

    private void skip(ParamDraft p, String why) {
        warnings.warn(p.pointer, p.in + " parameter \"" + p.name + "\" skipped: " + why);
    }
}
