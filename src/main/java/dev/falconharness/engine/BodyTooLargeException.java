package dev.falconharness.engine;

import java.io.IOException;

/**
 * An answer was larger than the harness buffers in memory. Raised while reading, before the excess is
 * held (or at once, when {@code Content-Length} says so), so a huge or endless answer costs at most the
 * cap. Never retried: the same request would get the same answer. The harness reports it as a
 * {@code dev.falconharness.BodyTooLargeException}.
 */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The cap, in bytes. */
    public long limit() {
        return limit;
    }
}
