package dev.falconharness.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The part of the Falcon Query Language the sandbox understands, over records given as field maps:
 * {@code uid:'ana@example.com'}, negation {@code status:!'inactive'}, wildcards {@code uid:*'*@example.com'},
 * lists {@code role_id:['a','b']}, {@code +} for AND and {@code ,} for OR (AND binds tighter), parentheses to group. Values are
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

    /** The longest filter read, in characters. */
    static final int MAX_LENGTH = 16 * 1024;
    /** The most {@code field:value} terms in one filter. */
    static final int MAX_TERMS = 200;
    /** The deepest nesting of parentheses. */
    static final int MAX_DEPTH = 16;

    /**
     * Refuses (400) a filter longer, with more terms or nested deeper than the sandbox reads, counted without
     * parsing so that no filter can cost more than one pass over its text.
     */
    static void checkLimits(String filter) {
        if (filter.length() > MAX_LENGTH) {
            throw SandboxError.badRequest("the filter is " + filter.length() + " characters long; the sandbox reads at most "
                    + MAX_LENGTH + " (split the query, or filter on a list: field:['a','b'])");
        }
        int terms = 0;
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ':') {
                terms++;
            } else if (c == '(') {
                depth++;
                if (depth > MAX_DEPTH) {
                    throw SandboxError.badRequest("the filter nests parentheses deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == ')') {
                depth--;
            }
        }
        if (terms > MAX_TERMS) {
            throw SandboxError.badRequest("the filter has " + terms + " terms; the sandbox reads at most " + MAX_TERMS
                    + " (filter on a list instead: field:['a','b',...])");
        }
    }

    /** A predicate for {@code filter}; everything matches a null or blank filter. */
    static Predicate<Map<String, String>> filter(String filter, Set<String> fields) {
        if (filter == null || filter.isBlank()) {
            return record -> true;
        }
        checkLimits(filter);
        Fql parser = new Fql(filter, fields);
        Predicate<Map<String, String>> predicate = parser.or();
        parser.skipSpaces();
        if (parser.pos < filter.length()) {
            throw parser.error("unexpected '" + filter.charAt(parser.pos) + "'");
        }
        return predicate;
    }

    /**
     * A comparator for {@code field|asc}, {@code field|desc}, {@code field.asc} or a bare {@code field}
     * (ascending); {@code fallback} when blank, or null for no order when {@code fallback} is null too. The
     * direction is split off at the last {@code |} or {@code .}, so nested fields sort as the API sorts
     * them ({@code device.hostname.desc}). Values that are both whole numbers compare as numbers; others
     * compare as text ignoring case (ISO-8601 times sort in time order), after the numbers; a missing
     * value comes first.
     */
    static Comparator<Map<String, String>> sort(String sort, String fallback, Set<String> fields) {
        FqlOrder order = order(sort, fallback, fields);
        return order == null ? null : order.comparator();
    }

    /**
     * {@link #sort} as a field and a direction, for collections that sort many records by extracting
     * each record's key once ({@link FqlOrder#sortKey}); null for no order. The same checks and 400s.
     */
    static FqlOrder order(String sort, String fallback, Set<String> fields) {
        String spec = sort == null || sort.isBlank() ? fallback : sort.strip();
        if (spec == null) {
            return null;
        }
        String field = spec;
        String direction = "asc";
        int cut = Math.max(spec.lastIndexOf('|'), spec.lastIndexOf('.'));
        if (!fields.contains(spec) && cut > 0) {
            field = spec.substring(0, cut);
            direction = spec.substring(cut + 1).toLowerCase(Locale.ROOT);
        }
        if (!fields.contains(field) || !(direction.equals("asc") || direction.equals("desc"))) {
            throw SandboxError.badRequest("cannot sort by \"" + spec + "\": use field|asc or field|desc with one of "
                    + String.join(", ", fields.stream().sorted().toList()));
        }
        return new FqlOrder(field, direction.equals("desc"));
    }

    /** Null first, then whole numbers by value, then anything else by its text ignoring case. */
    static int compareValues(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        boolean numberA = isWholeNumber(a);
        boolean numberB = isWholeNumber(b);
        if (numberA && numberB) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        // Numbers before text, so that the order stays total when a field mixes both.
        return numberA != numberB ? (numberA ? -1 : 1) : a.compareToIgnoreCase(b);
    }

    /** Digits only, without a leading zero (so that length orders them), at most 18 of them. */
    static boolean isWholeNumber(String text) {
        int n = text.length();
        if (n == 0 || n > 18 || (n > 1 && text.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Flat lists tested in loops, not chained predicates: a long filter cannot deepen the stack. */
    private Predicate<Map<String, String>> or() {
        List<Predicate<Map<String, String>>> any = new ArrayList<>();
        any.add(and());
        while (peek() == ',') {
            pos++;
            any.add(and());
        }
        return any.size() == 1 ? any.get(0) : record -> {
            for (Predicate<Map<String, String>> p : any) {
                if (p.test(record)) {
                    return true;
                }
            }
            return false;
        };
    }

    private Predicate<Map<String, String>> and() {
        List<Predicate<Map<String, String>>> all = new ArrayList<>();
        all.add(term());
        while (true) {
            boolean spaced = skipSpaces();
            if (peek() == '+') {
                pos++;
            } else if (!spaced || !(startsField() || peek() == '(')) {
                break;
            }
            all.add(term());
        }
        return all.size() == 1 ? all.get(0) : record -> {
            for (Predicate<Map<String, String>> p : all) {
                if (!p.test(record)) {
                    return false;
                }
            }
            return true;
        };
    }

    private Predicate<Map<String, String>> term() {
        skipSpaces();
        if (accept('(')) {
            // checkLimits bounded the nesting before parsing began.
            Predicate<Map<String, String>> group = or();
            skipSpaces();
            expect(')');
            return group;
        }
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
        // A record that keeps its values lower-cased is read as it is; any other map is lower-cased per test.
        FqlRecord.Field column = new FqlRecord.Field(field);
        Predicate<Map<String, String>> match = record -> anyValue(any, record instanceof FqlRecord known
                ? column.lowered(known) : lower(record.get(field)));
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

    /**
     * A multi-valued field ({@link #MULTI}) matches when any of its values does; {@code lowered} is the
     * record's value already in lower case. Splits without a regular expression or an array.
     */
    private static boolean anyValue(Predicate<String> test, String lowered) {
        char multi = MULTI.charAt(0);
        int cut = lowered == null ? -1 : lowered.indexOf(multi);
        if (cut < 0) {
            return test.test(lowered);
        }
        int from = 0;
        while (true) {
            if (test.test(lowered.substring(from, cut))) {
                return true;
            }
            if (cut == lowered.length()) {
                return false;
            }
            from = cut + 1;
            cut = lowered.indexOf(multi, from);
            cut = cut < 0 ? lowered.length() : cut;
        }
    }

    private static Predicate<String> anyOf(List<String> values, boolean wildcard) {
        if (!wildcard) {
            String[] wanted = values.stream().map(Fql::lower).toArray(String[]::new);
            return wanted.length == 1 ? wanted[0]::equals : actual -> {
                for (String one : wanted) {
                    if (one.equals(actual)) {
                        return true;
                    }
                }
                return false;
            };
        }
        String[][] globs = values.stream().map(v -> lower(v).split("\\*", -1)).toArray(String[][]::new);
        return actual -> {
            if (actual == null) {
                return false;
            }
            for (String[] pieces : globs) {
                if (globMatches(pieces, actual)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * True when {@code text} matches the glob split at its {@code *}s: the first piece is a prefix, the last a
     * suffix, and each piece between is taken at its leftmost place after the previous one. Taking the
     * leftmost place is always right for {@code *} (a later match leaves less room for the rest), so the scan
     * never goes back: time is linear in the text for any number of stars, with no regex to backtrack.
     */
    static boolean globMatches(String[] pieces, String text) {
        if (pieces.length == 1) {
            return text.equals(pieces[0]);
        }
        String first = pieces[0];
        String last = pieces[pieces.length - 1];
        if (text.length() < first.length() + last.length() || !text.startsWith(first) || !text.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = text.length() - last.length();
        for (int i = 1; i < pieces.length - 1; i++) {
            if (pieces[i].isEmpty()) {
                continue;
            }
            int at = text.indexOf(pieces[i], from);
            if (at < 0 || at + pieces[i].length() > end) {
                return false;
            }
            from = at + pieces[i].length();
        }
        return true;
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
