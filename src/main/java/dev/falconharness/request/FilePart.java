package dev.falconharness.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file for a {@code formData} parameter of type {@code file}: its name as the server should see it,
 * its media type and its content, either in memory or read from disk when the request is sent.
 * Immutable; a plain {@link Path} or {@code byte[]} argument is turned into one of these.
 *
 * <pre>{@code
 * falcon.command("UploadSampleV2", Map.of(
 *         "sample", FilePart.of(Path.of("suspicious.exe")),
 *         "file_name", "suspicious.exe"));
 * }</pre>
 *
 * @param filename    the file name sent in the part's {@code Content-Disposition}
 * @param contentType the part's media type; {@code application/octet-stream} when unknown
 * @param path        the file to read, or null when {@code bytes} is given
 * @param bytes       the content, or null when {@code path} is given
 */
public record FilePart(String filename, String contentType, Path path, byte[] bytes) {

    public FilePart {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        if ((path == null) == (bytes == null)) {
            throw new IllegalArgumentException("give exactly one of path and bytes");
        }
    }

    /** The file at {@code path}, named by its last segment, as {@code application/octet-stream}. */
    public static FilePart of(Path path) {
        return new FilePart(path.getFileName().toString(), "application/octet-stream", path, null);
    }

    /** In-memory content named {@code filename}, as {@code application/octet-stream}. */
    public static FilePart of(String filename, byte[] bytes) {
        return new FilePart(filename, "application/octet-stream", null, bytes.clone());
    }

    /** A copy with another media type. */
    public FilePart withContentType(String type) {
        return new FilePart(filename, type, path, bytes);
    }

    /** The content length in bytes, or -1 when the file cannot be read. */
    public long length() {
        if (bytes != null) {
            return bytes.length;
        }
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return "FilePart{" + filename + ", " + contentType + ", " + (path != null ? "file " + path : bytes.length + " bytes") + "}";
    }
}
