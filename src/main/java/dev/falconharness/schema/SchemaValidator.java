package dev.falconharness.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Checks values against {@link Schema}s and reports every problem with its JSON pointer. Immutable and
 * thread-safe; a valid value is checked without building any message or pointer (one pass that stops
 * at the first problem), and only an invalid one is walked again to collect them all.
 *
 * <pre>{@code
 * SchemaValidator requests = SchemaValidator.forRequests(mapper);
 * List<SchemaProblem> problems = requests.validate(schema, body, "body", "CreateUser's body");
 * }</pre>
 *
 * <p>Two modes. {@link #forRequests}: an object whose schema declares properties and says nothing of
 * {@code additionalProperties} takes no other fields, because the Falcon API silently drops fields it
 * does not know and a misspelt one would go unnoticed. {@link #forResponses}: JSON Schema's own rule,
 * other fields are allowed unless {@code additionalProperties} forbids them, because an API may add
 * fields to its answers at any time. Values are Jackson trees or plain Java (maps, collections,
 * arrays, strings, numbers, booleans); anything else is converted with the mapper first.
 *
 * <p>Patterns are searched with a budget of steps per character (see {@code BoundedText}); a value that
 * would make a pattern backtrack past it is reported as not checkable, never hangs the caller.
 */
public final class SchemaValidator {
    private static final SchemaValidator STANDARD = new SchemaValidator(new ObjectMapper(), true);
    private static final int NAMES_LISTED = 12;

    private final ObjectMapper mapper;
    private final boolean closed;

    private SchemaValidator(ObjectMapper mapper, boolean closed) {
        this.mapper = mapper;
        this.closed = closed;
    }

    /** Request mode with a default mapper. */
    public static SchemaValidator standard() {
        return STANDARD;
    }

    /** Request mode: undeclared fields are refused where the schema declares properties. */
    public static SchemaValidator forRequests(ObjectMapper mapper) {
        return new SchemaValidator(mapper, true);
    }

    /** Response mode: undeclared fields are allowed unless {@code additionalProperties} forbids them. */
    public static SchemaValidator forResponses(ObjectMapper mapper) {
        return new SchemaValidator(mapper, false);
    }

    /** True when {@code value} matches; builds no messages. */
    public boolean isValid(Schema schema, Object value) {
        return check(schema, value, null, null, true, null);
    }

    /**
     * Every problem of {@code value}, empty when it matches.
     *
     * @param rootName  how paths start: {@code "body"} gives {@code body.ids[0]}
     * @param rootLabel how the whole value is named in messages: {@code "CreateUser's body"}
     */
    public List<SchemaProblem> validate(Schema schema, Object value, String rootName, String rootLabel) {
        if (isValid(schema, value)) {
            return List.of();
        }
        Run run = new Run(rootLabel);
        check(schema, value, ValuePath.root(rootName), run, true, null);
        return run.problems;
    }

    /** The problems found in one collecting walk. */
    private static final class Run {
        final String rootLabel;
        List<SchemaProblem> problems = new ArrayList<>();

        Run(String rootLabel) {
            this.rootLabel = rootLabel;
        }
    }

    /** Returns true when valid; in collecting mode ({@code run != null}) records every problem. */
    private boolean check(Schema s, Object value, ValuePath path, Run run, boolean checkUnknown, Set<String> inherited) {
        JsonType kind = Tree.kind(value);
        if (kind == null) {
            value = mapper.valueToTree(value);
            kind = Tree.kind(value);
        }
        if (s.nothing) {
            return problem(run, path, "not allowed here");
        }
        if (s.ref != null && !check(s.target(), value, path, run, checkUnknown, inherited)) {
            return false; // the target said what is wrong; the reference's own keywords would repeat it
        }
        if (!s.allows(kind)) {
            return problem(run, path, "expected " + expected(s) + ", got " + describe(kind, value));
        }
        if (kind == JsonType.NULL && (s.nullable || (s.types & JsonType.NULL.bit()) != 0)) {
            return true;
        }
        boolean valid = checkValue(s, value, kind, path, run);
        if (!valid && run == null) {
            return false;
        }
        valid &= switch (kind) {
            case ARRAY -> checkArray(s, value, path, run);
            case OBJECT -> checkObject(s, value, path, run, checkUnknown && s.oneOf.isEmpty() && s.anyOf.isEmpty(), inherited);
            default -> true;
        };
        if (!valid && run == null) {
            return false;
        }
        for (Schema part : s.allOf) {
            valid &= check(part, value, path, run, false, null);
        }
        if (!s.oneOf.isEmpty() || !s.anyOf.isEmpty()) {
            valid &= new Alternatives(this, s, value, path, run, checkUnknown ? s.knownNames() : null).check();
        }
        return valid;
    }

    private boolean checkValue(Schema s, Object value, JsonType kind, ValuePath path, Run run) {
        boolean valid = true;
        if (s.constValue != null && !Equality.same(value, s.constValue, mapper)) {
            valid = problem(run, path, "must be exactly " + s.constValue);
        }
        if (!s.enumValues.isEmpty() && !inEnum(s, value)) {
            valid = problem(run, path, describe(kind, value) + " is not one of the allowed values: " + list(s.enumValues));
        }
        if (kind == JsonType.STRING) {
            valid &= checkString(s, Tree.text(value), path, run);
        } else if (kind == JsonType.INTEGER || kind == JsonType.NUMBER) {
            valid &= Ranges.check(s, value, path, run == null ? null : (p, m) -> problem(run, p, m));
        }
        return valid;
    }

    private boolean inEnum(Schema s, Object value) {
        for (JsonNode allowed : s.enumValues) {
            if (Equality.same(value, allowed, mapper)) {
                return true;
            }
        }
        return false;
    }

    private boolean checkString(Schema s, String text, ValuePath path, Run run) {
        boolean valid = true;
        if (s.minLength >= 0 || s.maxLength >= 0) {
            int length = text.codePointCount(0, text.length());
            if (s.minLength >= 0 && length < s.minLength) {
                valid = problem(run, path, "is " + length + " characters long; the minimum is " + s.minLength);
            }
            if (s.maxLength >= 0 && length > s.maxLength) {
                valid = problem(run, path, "is " + length + " characters long; the maximum is " + s.maxLength);
            }
        }
        if (s.pattern != null) {
            Matcher matcher = s.pattern.matcher(new BoundedText(text));
            try {
                if (!matcher.find()) {
                    valid = problem(run, path, quote(text) + " does not match the pattern " + s.pattern.pattern());
                }
            } catch (BoundedText.Exhausted e) {
                valid = problem(run, path, "cannot be checked against the pattern " + s.pattern.pattern()
                        + ": matching it backtracks too much (" + text.length() + " characters); shorten the value");
            }
        }
        return valid;
    }

    private boolean checkArray(Schema s, Object array, ValuePath path, Run run) {
        int size = Tree.size(array);
        boolean valid = true;
        if (s.minItems >= 0 && size < s.minItems) {
            valid = problem(run, path, "has " + size + " item" + (size == 1 ? "" : "s") + "; at least " + s.minItems + " needed");
        }
        if (s.maxItems >= 0 && size > s.maxItems) {
            valid = problem(run, path, "has " + size + " items; at most " + s.maxItems + " allowed");
        }
        if (s.uniqueItems) {
            valid &= Equality.unique(array, mapper, (first, second) -> problem(run, path,
                    "items " + first + " and " + second + " are equal; items must be unique"));
        }
        if (s.items != null && (valid || run != null)) {
            int i = 0;
            for (Object item : Tree.items(array)) {
                valid &= check(s.items, item, run == null ? null : path.item(i), run, true, null);
                if (!valid && run == null) {
                    return false;
                }
                i++;
            }
        }
        return valid;
    }

    /**
     * OpenAPI's rule for one schema shared by requests and answers: a required {@code readOnly} property
     * (an ID the server assigns) is not required in a request, a required {@code writeOnly} one (a
     * password) not in an answer.
     */
    private boolean exempt(Schema property) {
        return property != null && (closed ? property.readOnly() : property.writeOnly());
    }

    private boolean checkObject(Schema s, Object object, ValuePath path, Run run, boolean checkUnknown, Set<String> inherited) {
        boolean valid = true;
        for (int i = 0; i < s.required.size(); i++) {
            String name = s.required.get(i);
            if (Tree.field(object, name) == Tree.ABSENT && !exempt(s.properties.get(name))) {
                valid = problem(run, path == null ? null : path.field(name), "missing required field"
                        + describeField(s.properties.get(name)));
                if (run == null) {
                    return false;
                }
            }
        }
        boolean tellUnknown = closed && checkUnknown && s.additionalProperties == null && s.declaresProperties();
        if (object instanceof JsonNode node) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                valid &= checkField(s, field.getKey(), field.getValue(), path, run, tellUnknown, inherited);
                if (!valid && run == null) {
                    return false;
                }
            }
        } else {
            for (Map.Entry<?, ?> field : ((Map<?, ?>) object).entrySet()) {
                valid &= checkField(s, String.valueOf(field.getKey()), field.getValue(), path, run, tellUnknown, inherited);
                if (!valid && run == null) {
                    return false;
                }
            }
        }
        return valid;
    }

    private boolean checkField(Schema s, String name, Object value, ValuePath path, Run run, boolean tellUnknown,
            Set<String> inherited) {
        Schema property = s.properties.get(name);
        ValuePath at = path == null ? null : path.field(name);
        if (property != null) {
            return check(property, value, at, run, true, null);
        }
        if (s.additionalProperties != null) {
            if (s.additionalProperties.nothing) {
                return problem(run, at, unknownField(s, name, path, run, inherited));
            }
            return check(s.additionalProperties, value, at, run, true, null);
        }
        if (tellUnknown && !s.knownNames().contains(name) && (inherited == null || !inherited.contains(name))) {
            return problem(run, at, unknownField(s, name, path, run, inherited));
        }
        return true;
    }

    private static String unknownField(Schema s, String name, ValuePath parent, Run run, Set<String> inherited) {
        if (run == null) {
            return null;
        }
        List<String> names = new ArrayList<>(s.knownNames());
        if (inherited != null) {
            inherited.stream().filter(n -> !names.contains(n)).forEach(names::add);
        }
        List<String> close = ClosestNames.closest(name, names, 3);
        String owner = parent.isRoot() ? run.rootLabel : parent.dotted();
        return "unknown field" + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                + " " + owner + (names.isEmpty() ? " takes no fields" : " takes: " + list(names));
    }

    private static String describeField(Schema property) {
        if (property == null) {
            return "";
        }
        Schema s = property.resolved();
        String type = s.types == 0 ? "" : expected(s);
        String about = property.description() != null ? property.description() : s.description();
        String text = type + (about == null ? "" : (type.isEmpty() ? "" : ": ") + abbreviate(about));
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    static String expected(Schema s) {
        StringBuilder out = new StringBuilder();
        for (JsonType type : s.types()) {
            out.append(out.length() == 0 ? "" : " or ").append(article(type)).append(type.jsonName());
        }
        return out.length() == 0 ? "any JSON" : out.toString();
    }

    private static String article(JsonType type) {
        return type == JsonType.NULL ? "" : type == JsonType.INTEGER || type == JsonType.OBJECT || type == JsonType.ARRAY ? "an " : "a ";
    }

    static String describe(JsonType kind, Object value) {
        return switch (kind) {
            case STRING -> "string " + quote(Tree.text(value));
            case INTEGER, NUMBER, BOOLEAN -> (kind == JsonType.BOOLEAN ? "" : kind.jsonName() + " ") + Tree.text(value);
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }

    private static String quote(String text) {
        String shown = text.length() <= 60 ? text : text.substring(0, 57) + "...";
        return "\"" + shown + "\"";
    }

    private static String list(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size() && i < NAMES_LISTED; i++) {
            out.append(i == 0 ? "" : ", ").append(values.get(i));
        }
        return values.size() > NAMES_LISTED ? out + " (and " + (values.size() - NAMES_LISTED) + " more)" : out.toString();
    }

    /** Records a problem when collecting; always false, so that callers can return it. */
    static boolean problem(Object run, ValuePath path, String message) {
        if (run instanceof Run collecting) {
            collecting.problems.add(new SchemaProblem(path.pointer(), path.dotted(), message));
        }
        return false;
    }

    /** For {@link Alternatives}: a collecting walk of one branch on its own. */
    List<SchemaProblem> branchProblems(Schema branch, Object value, ValuePath path, String rootLabel, Set<String> inherited) {
        Run run = new Run(rootLabel);
        check(branch, value, path, run, true, inherited);
        return run.problems;
    }

    boolean branchValid(Schema branch, Object value, Set<String> inherited) {
        return check(branch, value, null, null, true, inherited);
    }

    static void addAll(Object run, List<SchemaProblem> problems) {
        ((Run) run).problems.addAll(problems);
    }

    static String rootLabel(Object run) {
        return ((Run) run).rootLabel;
    }
}
