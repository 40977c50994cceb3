package dev.falconharness.engine;

import java.io.IOException;

/**
 * A header value HTTP cannot carry (CR, LF or another control character, or a character beyond
 * Latin-1), found before the JDK saw it: the JDK's own error would echo the value, which may be a
 * credential. Names the header, never the value. Nothing was sent, and it is never retried.
 */
public final class UnsendableHeaderException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String header;

    public UnsendableHeaderException(String header, String problem) {
        super(header + ": " + problem);
        this.header = header;
    }

    /** The header's name. */
    public String header() {
        return header;
    }
}
