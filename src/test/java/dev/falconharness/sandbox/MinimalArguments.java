package dev.falconharness.sandbox;

import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The smallest arguments that pass an operation's validation: a value for each required parameter that
 * meets its type, enum, range, length and pattern. For smoke-testing every operation of a manifest.
 */
final class MinimalArguments {
    /** Strings tried in order until one meets a parameter's constraints. */
    private static final List<String> CANDIDATES = List.of("1", "sandbox", "aws", "dry-run",
            "123e4567-e89b-42d3-a456-426614174000", "0123456789abcdef0123456789abcdef");

    private MinimalArguments() {
    }

    static Map<String, Object> params(Operation op) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            // The harness supplies Authorization itself; the body goes as the body argument.
            if (p.required() && p.location() != Location.BODY && !p.name().equalsIgnoreCase("Authorization")) {
                params.put(p.name(), value(op, p));
            }
        }
        return params;
    }

    /** A body for operations that require one: bytes for binary uploads, an empty JSON object otherwise. */
    static Object body(Operation op) {
        for (Parameter p : op.parameters()) {
            if (p.location() == Location.BODY && p.required()) {
                if (op.consumes() != null && !op.consumes().contains("json")) {
                    return new byte[] {1};
                }
                // The smallest body its schema accepts: required fields, first enum values.
                return op.bodySchema().map(dev.falconharness.testing.BodyGenerator::generate).orElse(Map.of());
            }
        }
        return null;
    }

    private static Object value(Operation op, Parameter p) {
        if (p.type() == ParamType.FILE) {
            return new byte[] {1};
        }
        Object one = scalar(op, p, p.valueType());
        return p.type() == ParamType.ARRAY ? List.of(one) : one;
    }

    private static Object scalar(Operation op, Parameter p, ParamType type) {
        if (!p.enumValues().isEmpty()) {
            return p.enumValues().get(0);
        }
        return switch (type) {
            case BOOLEAN -> true;
            case INTEGER, NUMBER -> p.minimum() != null ? p.minimum() : 1;
            default -> string(op, p);
        };
    }

    private static String string(Operation op, Parameter p) {
        for (String candidate : CANDIDATES) {
            boolean fits = (p.minLength() == null || candidate.length() >= p.minLength())
                    && (p.maxLength() == null || candidate.length() <= p.maxLength())
                    && (p.pattern() == null || p.pattern().matcher(candidate).find());
            if (fits) {
                return candidate;
            }
        }
        throw new AssertionError(op.id() + "." + p.name() + ": no candidate value meets its constraints; add one");
    }
}
