package dev.falconharness.cli;

import java.util.ArrayList;
import java.util.List;

/** Plain-text helpers for listings: manifest descriptions carry HTML lists and hard line breaks. */
final class Text {
    private Text() {
    }

    /** One line: tags removed, whitespace collapsed; empty for null. */
    static String oneLine(String text) {
        return text == null ? "" : plain(text).replaceAll("\\s+", " ").strip();
    }

    /** {@code <li>} becomes a dash item, other tags go, blank runs shrink to one blank line. */
    static String plain(String html) {
        String text = html.replaceAll("(?i)<li>\\s*", "\n- ")
                .replaceAll("(?i)<br\\s*/?>|</?(p|ul|ol)>", "\n")
                .replaceAll("<[^>]+>", "");
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** Wraps each paragraph of {@code text} at {@code width} columns, every line starting with {@code indent}. */
    static List<String> wrap(String text, int width, String indent) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\n")) {
            // A list item's continuation lines hang under its text, not under its dash.
            String hanging = indent + (paragraph.startsWith("- ") ? "  " : "");
            StringBuilder line = new StringBuilder(indent);
            int prefix = indent.length();
            for (String word : paragraph.strip().split(" +")) {
                if (line.length() > prefix && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(hanging);
                    prefix = hanging.length();
                } else if (line.length() > prefix) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** {@code text} padded with spaces to {@code width}, or followed by two spaces when longer. */
    static String pad(String text, int width) {
        return text.length() >= width ? text + "  " : text + " ".repeat(width - text.length() + 2);
    }
}
