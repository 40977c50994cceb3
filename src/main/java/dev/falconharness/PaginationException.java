package dev.falconharness;

/**
 * Paging stopped before the last record: a page failed, or the API's integer offsets ran out. Records
 * already delivered stay delivered; this says how many there were and which page failed.
 */
public final class PaginationException extends FalconHarnessException {
    private final int pagesRead;
    private final long recordsDelivered;
    private final transient ApiResponse failedPage;

    public PaginationException(String message, int pagesRead, long recordsDelivered, ApiResponse failedPage, Throwable cause) {
        super(message, cause);
        this.pagesRead = pagesRead;
        this.recordsDelivered = recordsDelivered;
        this.failedPage = failedPage;
    }

    /** Pages read successfully before the stop. */
    public int pagesRead() {
        return pagesRead;
    }

    /** Records delivered before the stop. */
    public long recordsDelivered() {
        return recordsDelivered;
    }

    /** The non-2xx answer that stopped paging, or null when something else did. */
    public ApiResponse failedPage() {
        return failedPage;
    }
}
