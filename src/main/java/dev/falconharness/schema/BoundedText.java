package dev.falconharness.schema;

/**
 * A string that lets a regular expression read only so many characters: {@code java.util.regex}
 * backtracks, and a pattern such as {@code (a+)+$} against a long near-match would otherwise run for
 * years. Each {@link #charAt} spends one step; past the budget the match is abandoned with
 * {@link Exhausted}. Not thread-safe: one per match.
 */
final class BoundedText implements CharSequence {
    /** Steps allowed per character of input, plus a floor for short values. */
    static final int STEPS_PER_CHAR = 200;
    static final int MIN_STEPS = 20_000;

    private final String text;
    private final int offset;
    private final int length;
    private final int[] steps;

    BoundedText(String text) {
        this(text, 0, text.length(), new int[] {MIN_STEPS + STEPS_PER_CHAR * text.length()});
    }

    private BoundedText(String text, int offset, int length, int[] steps) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.steps = steps;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (--steps[0] < 0) {
            throw Exhausted.INSTANCE;
        }
        return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text, offset + start, end - start, steps);
    }

    @Override
    public String toString() {
        return text.substring(offset, offset + length);
    }

    /** The match ran out of steps; shared and without a stack trace, as it is control flow. */
    static final class Exhausted extends RuntimeException {
        static final Exhausted INSTANCE = new Exhausted();

        private Exhausted() {
            super("pattern match ran out of steps", null, false, false);
        }
    }
}
