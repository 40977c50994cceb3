package dev.falconharness;

/**
 * An answer was larger than the harness holds in memory ({@link HarnessBuilder#maxBufferedBody}, 64 MiB
 * by default), counted after gzip is undone. Reading stopped at the cap, so the excess never took memory.
 * Large downloads (sensor installers, samples, RTR files, report exports) stream instead:
 * {@link Harness#download(String, java.util.Map, java.nio.file.Path)}.
 */
public final class ResponseTooLargeException extends FalconHarnessException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    public ResponseTooLargeException(String message, long limit, Throwable cause) {
        super(message, cause);
        this.limit = limit;
    }

    /** The cap that was passed, in bytes. */
    public long limit() {
        return limit;
    }
}
