package dev.falconharness;

/**
 * A download arrived but could not be stored where the caller asked: the disk filled up, the directory
 * went away, or the finished file could not be moved into place. The network was fine; asking again
 * would fail the same way. Nothing half-written is left behind.
 */
public final class DownloadException extends FalconHarnessException {
    private static final long serialVersionUID = 1L;

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
