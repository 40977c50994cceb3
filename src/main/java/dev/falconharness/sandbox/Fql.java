package dev.falconharness.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The part of the Falcon Query Language the sandbox understands, over records given as field maps:
 * {@code uid:'ana@example.com'}, negation {@code status:!'inactive'}, wildcards {@code uid:*'*@example.com'},
 * lists {@code role_id:['a','b']}, {@code +} for AND and {@code ,} for OR (AND binds tighter). Values are
 * quoted with {@code '} or {@code "}, or bare; matching ignores case. Whitespace between terms counts as
 * AND, because an unencoded {@code +} in a query string arrives as a space. Also parses sort
 * expressions ({@code uid|asc}, {@code uid.desc}). Mistakes are 400s naming the position or field.
 */
final class Fql {
    /** Joins the values of a multi-valued field (tags, groups) in a record; a term matches any of them. */
    static final String MULTI = "\u001f";

    private final String text;
    private final Set<String> fields;
    private int pos;

    private Fql(String text, Set<String> fields) {
        this.text = text;
        this.fields = fields;
    }

    /** A predicate for {@code filter}; everything matches a null or blank filter. */
    static Predicate<Map<String, String>> filter(String filter, Set<String> fields) {
        if (filter == null || filter.isBlank()) {
            return record -> true;
        }
        Fql parser = new Fql(filter, fields);
        Predicate<Map<String, String>> predicate = parser.or();
        parser.skipSpaces();
        if (parser.pos < filter.length()) {
            throw parser.error("unexpected '" + filter.charAt(parser.pos) + "'");
        }
        return predicate;
    }

    /** A comparator for {@code field|asc}, {@code field|desc} or {@code field.asc}; {@code fallback} when blank. */
    static Comparator<Map<String, String>> sort(String sort, String fallback, Set<String> fields) {
        String spec = sort == null || sort.isBlank() ? fallback : sort.strip();
        String[] parts = spec.split("[|.]", 2);
        String field = parts[0];
        String direction = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
        if (!fields.contains(field) || !(direction.equals("asc") || direction.equals("desc"))) {
            throw SandboxError.badRequest("cannot sort by \"" + spec + "\": use field|asc or field|desc with one of "
                    + String.join(", ", fields.stream().sorted().toList()));
        }
        Comparator<Map<String, String>> order = Comparator.comparing(record -> lower(record.get(field)),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return direction.equals("desc") ? order.reversed() : order;
    }

    private Predicate<Map<String, String>> or() {
        Predicate<Map<String, String>> result = and();
        while (peek() == ',') {
            pos++;
            result = result.or(and());
        }
        return result;
    }

    private Predicate<Map<String, String>> and() {
        Predicate<Map<String, String>> result = term();
        while (true) {
            boolean spaced = skipSpaces();
            if (peek() == '+') {
                pos++;
            } else if (!spaced || !startsField()) {
                return result;
            }
            result = result.and(term());
        }
    }

    private Predicate<Map<String, String>> term() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '.')) {
            pos++;
        }
        String field = text.substring(start, pos);
        if (field.isEmpty()) {
            throw error("expected a field name");
        }
        if (!fields.contains(field)) {
            throw SandboxError.badRequest("cannot filter on '" + field + "'; this operation filters on "
                    + String.join(", ", fields.stream().sorted().toList()));
        }
        expect(':');
        boolean negate = accept('!');
        String range = range();
        boolean wildcard = range == null && accept('*');
        List<String> values = peek() == '[' ? list() : List.of(value());
        Predicate<String> any = range != null ? FqlRange.compare(range, lower(values.get(0))) : anyOf(values, wildcard);
        Predicate<Map<String, String>> match = record -> anyValue(any, record.get(field));
        return negate ? match.negate() : match;
    }

    /** {@code >}, {@code >=}, {@code <} or {@code <=} at the cursor (consumed), or null. */
    private String range() {
        char c = peek();
        if (c != '>' && c != '<') {
            return null;
        }
        pos++;
        return accept('=') ? c + "=" : String.valueOf(c);
    }

    /** A multi-valued field ({@link #MULTI}) matches when any of its values does. */
    private static boolean anyValue(Predicate<String> test, String value) {
        if (value == null || value.indexOf(MULTI.charAt(0)) < 0) {
            return test.test(lower(value));
        }
        for (String one : value.split(MULTI, -1)) {
            if (test.test(lower(one))) {
                return true;
            }
        }
        return false;
    }

    private static Predicate<String> anyOf(List<String> values, boolean wildcard) {
        List<Predicate<String>> tests = new ArrayList<>();
        for (String value : values) {
            String wanted = lower(value);
            if (wildcard) {
                Pattern glob = glob(wanted);
                tests.add(actual -> actual != null && glob.matcher(actual).matches());
            } else {
                tests.add(actual -> wanted.equals(actual));
            }
        }
        return actual -> tests.stream().anyMatch(t -> t.test(actual));
    }

    /** {@code *} matches any run of characters; everything else is literal. */
    private static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder();
        String[] pieces = value.split("\\*", -1);
        for (int i = 0; i < pieces.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(Pattern.quote(pieces[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private List<String> list() {
        expect('[');
        List<String> values = new ArrayList<>();
        do {
            skipSpaces();
            values.add(value());
            skipSpaces();
        } while (accept(','));
        expect(']');
        return values;
    }

    private String value() {
        char c = peek();
        if (c == '\'' || c == '"') {
            int close = text.indexOf(c, pos + 1);
            if (close < 0) {
                throw error("unclosed quote");
            }
            String value = text.substring(pos + 1, close);
            pos = close + 1;
            return value;
        }
        int start = pos;
        while (pos < text.length() && "+,] ".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a value");
        }
        return text.substring(start, pos);
    }

    private boolean startsField() {
        return pos < text.length() && Character.isLetter(text.charAt(pos));
    }

    private boolean skipSpaces() {
        int start = pos;
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private boolean accept(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private SandboxError error(String what) {
        return SandboxError.badRequest("cannot read filter \"" + text + "\" at position " + pos + ": " + what
                + " (write it as field:'value', joined by + for AND or , for OR)");
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
