package dev.falconharness.schema;

import java.util.List;

/** A schema document breaks the supported subset's rules; lists every problem with its pointer. */
public class SchemaException extends RuntimeException {
    private final List<SchemaProblem> problems;

    public SchemaException(List<SchemaProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<SchemaProblem> problems() {
        return problems;
    }

    private static String describe(List<SchemaProblem> problems) {
        StringBuilder out = new StringBuilder("Invalid schema: ");
        if (problems.size() == 1) {
            return out.append(problems.get(0)).toString();
        }
        out.append(problems.size()).append(" problems");
        problems.forEach(p -> out.append("\n  - ").append(p));
        return out.toString();
    }
}
