package dev.falconharness.request;

import dev.falconharness.http.RequestBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body (RFC 7578) whose files are read from disk only while it is sent,
 * one at a time, so a 1 GiB upload needs no more heap than a small one. The length is known up front
 * (the sizes of the files when the body was built), so the request carries a {@code Content-Length}.
 *
 * <p>The framing is what browsers send, which is what upload endpoints are written against: each part has
 * a {@code Content-Disposition} with its name (and, for files, the file name) and files a
 * {@code Content-Type}; text fields have no part headers beyond that and are UTF-8. Names go as UTF-8, with
 * {@code "}, CR and LF percent-encoded so they cannot end the quoted string or the header line.
 *
 * <pre>{@code
 * MultipartBody body = new MultipartBody.Builder()
 *         .file("sample", FilePart.of(Path.of("sample.exe")))
 *         .field("file_name", "sample.exe")
 *         .build("<multipart/form-data: ...>");
 * }</pre>
 *
 * Immutable and thread-safe once built; each {@link #open()} starts a new, independent stream.
 */
final class MultipartBody implements RequestBody {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final char[] BOUNDARY_CHARS =
            "-_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    /**
     * 32 random characters of a 64-letter alphabet, from ThreadLocalRandom: its 64-bit state still leaves
     * about 2^64 possible boundaries, so content never contains one by chance, and unlike SecureRandom it
     * costs nothing to set up (the command line's start-up time counts).
     */
    private static final int BOUNDARY_LENGTH = 32;

    private final String boundary;
    private final List<Segment> segments;
    private final long length;
    private final String preview;

    private MultipartBody(String boundary, List<Segment> segments, String preview) {
        this.boundary = boundary;
        this.segments = List.copyOf(segments);
        this.length = this.segments.stream().mapToLong(Segment::length).sum();
        this.preview = preview;
    }

    @Override
    public String contentType() {
        return FormEncoder.MULTIPART + "; boundary=" + boundary;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public InputStream open() {
        return new SegmentStream(segments);
    }

    @Override
    public String preview() {
        return preview;
    }

    @Override
    public String toString() {
        return "RequestBody{" + contentType() + ", " + length + " bytes}";
    }

    /** Collects parts in order; not thread-safe. */
    static final class Builder {
        private final String boundary;
        private final List<Segment> segments = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Builder() {
            this(randomBoundary());
        }

        /** With a given boundary, for tests that compare whole bodies. */
        Builder(String boundary) {
            this.boundary = boundary;
        }

        /** A text field, sent as UTF-8. */
        Builder field(String name, String value) {
            startPart(name, null, null);
            write(value.getBytes(StandardCharsets.UTF_8));
            write(CRLF);
            return this;
        }

        /**
         * A file part. A file on disk is measured now and read when the body is sent.
         *
         * @throws IllegalArgumentException if the media type is not one header line, or the file cannot
         *                                  be measured
         */
        Builder file(String name, FilePart part) {
            startPart(name, part.filename(), checkedType(name, part.contentType()));
            if (part.bytes() != null) {
                flush();
                segments.add(new Bytes(part.bytes()));
            } else {
                long size = part.length();
                if (size < 0) {
                    throw new dev.falconharness.ValidationException(null, java.util.List.of(new dev.falconharness.ValidationException.Problem(
                            name, "formData", "cannot read file " + part.path() + "; nothing was sent")));
                }
                flush();
                segments.add(new FileSlice(part.path(), size));
            }
            write(CRLF);
            return this;
        }

        MultipartBody build(String preview) {
            write(("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
            write(CRLF);
            flush();
            return new MultipartBody(boundary, segments, preview);
        }

        private void startPart(String name, String filename, String contentType) {
            StringBuilder head = new StringBuilder(96).append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(name)).append('"');
            if (filename != null) {
                head.append("; filename=\"").append(quoted(filename)).append('"');
            }
            if (contentType != null) {
                head.append("\r\nContent-Type: ").append(contentType);
            }
            write(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
        }

        private void write(byte[] bytes) {
            pending.writeBytes(bytes);
        }

        /** Ends the current run of framing bytes, so that a file or large array can follow as its own segment. */
        private void flush() {
            if (pending.size() > 0) {
                segments.add(new Bytes(pending.toByteArray()));
                pending.reset();
            }
        }
    }

    /**
     * A name or file name inside a quoted parameter. RFC 7578 §4.2 leaves the encoding open; this follows
     * the HTML form encoding browsers use: UTF-8 as it is, and the three characters that would break the
     * header percent-encoded. (The {@code filename*} form of RFC 5987 is not used: RFC 7578 says receivers
     * may not understand it.)
     */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("%22");
                case '\r' -> out.append("%0D");
                case '\n' -> out.append("%0A");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String checkedType(String name, String contentType) {
        for (int i = 0; i < contentType.length(); i++) {
            char c = contentType.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("the content type of form field " + name
                        + " must be printable ASCII on one line (like image/png), got \"" + contentType.replace("\r", "\\r").replace("\n", "\\n") + '"');
            }
        }
        return contentType;
    }

    static String randomBoundary() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[BOUNDARY_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = BOUNDARY_CHARS[random.nextInt(BOUNDARY_CHARS.length)];
        }
        return new String(chars);
    }

    /** A stretch of the body: framing bytes, an in-memory file, or a file on disk. */
    private interface Segment {
        long length();

        InputStream open() throws IOException;
    }

    private record Bytes(byte[] bytes) implements Segment {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new java.io.ByteArrayInputStream(bytes);
        }
    }

    /** A file that must still have the size it had when the body was built: the length is already promised. */
    private record FileSlice(Path path, long length) implements Segment {
        @Override
        public InputStream open() throws IOException {
            return new ExactLengthStream(java.nio.file.Files.newInputStream(path), length, path);
        }
    }

    /**
     * Reads the segments one after the other, opening each only when the previous one is used up, so at
     * most one file is open at a time and none before the upload reaches it.
     */
    private static final class SegmentStream extends InputStream {
        private final List<Segment> segments;
        private int next;
        private InputStream current;

        SegmentStream(List<Segment> segments) {
            this.segments = segments;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            while (current != null || next < segments.size()) {
                if (current == null) {
                    current = segments.get(next++).open();
                }
                int n = current.read(buffer, offset, length);
                if (n > 0) {
                    return n;
                }
                current.close();
                current = null;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            next = segments.size();
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }

    /**
     * A file's content that fails instead of sending a body of another length than announced: a file that
     * grew or shrank since the request was built would otherwise corrupt the upload or hang the exchange.
     */
    private static final class ExactLengthStream extends java.io.FilterInputStream {
        private final Path path;
        private long remaining;

        ExactLengthStream(InputStream in, long length, Path path) {
            super(in);
            this.remaining = length;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                if (in.read() >= 0) {
                    throw changed("grew");
                }
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw changed("shrank");
            }
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        private IOException changed(String how) {
            return new IOException("file " + path + " " + how + " while it was being uploaded; the request"
                    + " announced its earlier size (retry the call once the file is complete)");
        }
    }
}
