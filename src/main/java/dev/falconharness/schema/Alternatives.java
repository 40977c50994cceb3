package dev.falconharness.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code oneOf} and {@code anyOf}: which branches match, and when none does, the closest one (the
 * fewest problems) and what it lacks, rather than every branch's complaints. Not thread-safe: one per check.
 */
final class Alternatives {
    private final SchemaValidator validator;
    private final Schema schema;
    private final Object value;
    private final ValuePath path;
    private final Object run;
    private final Set<String> inherited;

    Alternatives(SchemaValidator validator, Schema schema, Object value, ValuePath path, Object run, Set<String> inherited) {
        this.validator = validator;
        this.schema = schema;
        this.value = value;
        this.path = path;
        this.run = run;
        this.inherited = inherited == null || inherited.isEmpty() ? null : inherited;
    }

    boolean check() {
        boolean valid = true;
        if (!schema.anyOf.isEmpty()) {
            valid = matches(schema.anyOf).size() > 0 || report(schema.anyOf, "anyOf", "at least one");
        }
        if (!schema.oneOf.isEmpty()) {
            List<Integer> matched = matches(schema.oneOf);
            if (matched.isEmpty()) {
                valid &= report(schema.oneOf, "oneOf", "exactly one");
            } else if (matched.size() > 1) {
                valid &= SchemaValidator.problem(run, path, "matches alternatives " + numbers(matched)
                        + " of oneOf; exactly one must match (add or remove fields so only one fits)");
            }
        }
        return valid;
    }

    private List<Integer> matches(List<Schema> branches) {
        List<Integer> matched = new ArrayList<>(2);
        for (int i = 0; i < branches.size(); i++) {
            if (validator.branchValid(branches.get(i), value, inherited)) {
                matched.add(i + 1);
            }
        }
        return matched;
    }

    private boolean report(List<Schema> branches, String keyword, String rule) {
        if (run == null) {
            return false;
        }
        List<SchemaProblem> closest = null;
        int best = 0;
        for (int i = 0; i < branches.size(); i++) {
            List<SchemaProblem> problems = validator.branchProblems(branches.get(i), value, path,
                    SchemaValidator.rootLabel(run), inherited);
            if (closest == null || problems.size() < closest.size()) {
                closest = problems;
                best = i + 1;
            }
        }
        String title = branches.get(best - 1).resolved().title();
        String label = title != null ? " (" + title + ")" : "";
        SchemaValidator.problem(run, path, "matches none of the " + branches.size() + " alternatives of " + keyword
                + " (" + rule + " must match); the closest is alternative " + best + label + ", which fails with: "
                + closest.size() + " problem" + (closest.size() == 1 ? "" : "s") + " listed next");
        SchemaValidator.addAll(run, closest);
        return false;
    }

    private static String numbers(List<Integer> matched) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < matched.size(); i++) {
            out.append(i == 0 ? "" : i == matched.size() - 1 ? " and " : ", ").append(matched.get(i));
        }
        return out.toString();
    }
}
