package dev.falconharness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An answer whose body is read by the caller as it arrives ({@link Harness#openDownload}): constant memory
 * whatever its size. For a 2xx answer {@link #body()} streams the body; for any other the error envelope
 * was read as usual and is in {@link #response()}, and {@link #body()} is empty. Close it (try-with-
 * resources) to let the connection go; a body that stalls for the harness's per-attempt timeout is cut
 * off with an {@link java.net.http.HttpTimeoutException} from {@code read}. Not thread-safe.
 *
 * <pre>{@code
 * try (Download sample = falcon.openDownload("GetSampleV3", Map.of("ids", sha256))) {
 *     sample.response().orThrow();
 *     sample.body().transferTo(out);
 * }
 * }</pre>
 */
public final class Download implements AutoCloseable {
    private final ApiResponse response;
    private final InputStream body;

    Download(ApiResponse response, InputStream body) {
        this.response = response;
        this.body = body != null ? body : InputStream.nullInputStream();
    }

    /** The answer's status and headers; for an error answer, its envelope too. */
    public ApiResponse response() {
        return response;
    }

    public int statusCode() {
        return response.statusCode();
    }

    /** True for 2xx, when {@link #body()} holds the body. */
    public boolean isSuccessful() {
        return response.isSuccessful();
    }

    /** The body as it arrives; empty for an error answer. */
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Download{" + response + "}";
    }
}
