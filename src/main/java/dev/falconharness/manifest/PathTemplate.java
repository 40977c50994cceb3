package dev.falconharness.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * A path template split into literal text and named placeholders:
 * {@code /objects/{collection}/items/{key}} is {@code "/objects/"}, {@code collection},
 * {@code "/items/"}, {@code key}. Immutable and thread-safe.
 *
 * @param pieces literal pieces and placeholder names in order; see {@link Piece}
 */
public record PathTemplate(List<Piece> pieces) {

    /** A literal run of the path, or a placeholder naming a path parameter. */
    public record Piece(String text, boolean placeholder) {
    }

    public PathTemplate {
        pieces = List.copyOf(pieces);
    }

    /**
     * Splits {@code path} into pieces.
     *
     * @throws IllegalArgumentException naming the position of an unclosed, nested or empty placeholder
     */
    public static PathTemplate parse(String path) {
        List<Piece> pieces = new ArrayList<>();
        int literalStart = 0;
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("unmatched '}' at index " + i + " of " + path);
            }
            if (c != '{') {
                i++;
                continue;
            }
            int close = path.indexOf('}', i);
            int nested = path.indexOf('{', i + 1);
            if (close < 0 || (nested >= 0 && nested < close)) {
                throw new IllegalArgumentException("unclosed '{' at index " + i + " of " + path);
            }
            String name = path.substring(i + 1, close);
            if (name.isBlank()) {
                throw new IllegalArgumentException("empty placeholder '{}' at index " + i + " of " + path);
            }
            if (i > literalStart) {
                pieces.add(new Piece(path.substring(literalStart, i), false));
            }
            pieces.add(new Piece(name, true));
            i = close + 1;
            literalStart = i;
        }
        if (literalStart < path.length()) {
            pieces.add(new Piece(path.substring(literalStart), false));
        }
        return new PathTemplate(pieces);
    }

    /** The placeholder names in order of appearance (a name may repeat). */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece.placeholder()) {
                names.add(piece.text());
            }
        }
        return names;
    }
}
