package dev.falconharness.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Makes text from a server or from an argument harmless to show on a terminal. A response can carry
 * escape sequences ({@code ESC ]}, {@code ESC [}) that retitle the window, move the cursor, rewrite
 * earlier lines or hide text; bidirectional-override characters reorder what is shown. On a terminal
 * these are written as visible escapes (<code>&#92;u001b</code>); what goes to a pipe or a file is never altered,
 * so the callers decide, by {@link Io#terminal()} and {@link Io#stderrTerminal()}. Stateless except for
 * the writer {@link #cleaning(PrintWriter)} returns, which is not thread-safe.
 *
 * <p>For example, a server's error text {@code bad ESC[2Jrequest} (which would clear the screen) is
 * shown as <code>bad &#92;u001b[2Jrequest</code>, and an operation ID typed as {@code Get CR LF Roles} is
 * echoed as <code>Get&#92;r&#92;nRoles</code>.
 */
final class TerminalText {
    private TerminalText() {
    }

    /**
     * {@code text} with every control character but newline, tab and the carriage return of a CRLF
     * written as <code>&#92;uXXXX</code>; null stays null.
     */
    static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (crlf || !unsafe(c)) {
                out.append(c);
            } else {
                unicodeEscape(out, c);
            }
        }
        return out.toString();
    }

    /**
     * {@code text} on one line, for echoing what a person typed in an error message: every control
     * character escaped, newline, carriage return and tab as backslash-n, backslash-r, backslash-t.
     */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code out}, or a writer over it that {@linkplain #clean cleans} everything when {@code terminal}. */
    static PrintWriter cleaning(PrintWriter out, boolean terminal) {
        return terminal ? new PrintWriter(new Cleaner(out), false) : out;
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c) && !(c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                return false;
            }
        }
        return true;
    }

    /**
     * C0 controls but newline and tab, DEL, C1 controls (U+0080–U+009F: a terminal may read U+009B as
     * CSI), and the bidirectional marks, embeddings, overrides and isolates.
     */
    static boolean unsafe(char c) {
        if (c < 0x20) {
            return c != '\n' && c != '\t';
        }
        return c >= 0x7f && c <= 0x9f || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
    }

    /** Cleans what passes through; a carriage return waits for the next character to see if it ends a CRLF. */
    private static final class Cleaner extends FilterWriter {
        private boolean pendingReturn;

        Cleaner(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            char ch = (char) c;
            if (pendingReturn) {
                pendingReturn = false;
                out.write(ch == '\n' ? "\r" : "\\u000d");
            }
            if (ch == '\r') {
                pendingReturn = true;
            } else if (unsafe(ch)) {
                StringBuilder escaped = new StringBuilder(6);
                unicodeEscape(escaped, ch);
                out.write(escaped.toString());
            } else {
                out.write(ch);
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(chars[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(text.charAt(i));
            }
        }

        @Override
        public void flush() throws IOException {
            // A lone carriage return at a flush stays pending: the next write tells what it was.
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (pendingReturn) {
                out.write("\\u000d");
                pendingReturn = false;
            }
            out.flush();
        }
    }
}
