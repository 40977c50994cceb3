package dev.falconharness.engine;

import dev.falconharness.http.CallListener;
import dev.falconharness.http.PreparedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Where the body of a successful (2xx) answer goes when it is not to be held in memory: a file, written
 * as it arrives in constant memory, or an {@link InputStream} handed to the caller. Error answers are
 * still buffered (they are small envelopes, capped like any other). One per call; each attempt's answer
 * gets a fresh part (a retried download starts its file anew).
 *
 * <p>A file is written next to its target under a temporary name and moved into place only by
 * {@link #commit()}, after the whole call succeeded: a failed or cut-off download leaves nothing behind.
 */
public final class BodySink {
    private static final byte[] NONE = new byte[0];
    /** How often progress is reported: often enough for a progress bar, rarely enough to cost nothing. */
    private static final long PROGRESS_EVERY = 1 << 20;

    private final Path target;
    private final CallListener listener;
    private volatile boolean discarded;
    private volatile Path written;
    private volatile long bytes;
    private volatile InputStream stream;

    private BodySink(Path target, CallListener listener) {
        this.target = target;
        this.listener = listener;
    }

    /** Streams a successful answer's body into {@code target} (replacing it once complete). */
    public static BodySink toFile(Path target, CallListener listener) {
        return new BodySink(target.toAbsolutePath(), listener);
    }

    /** Hands a successful answer's body to the caller as a stream, unread. */
    public static BodySink toStream() {
        return new BodySink(null, CallListener.NONE);
    }

    /** The subscriber for one 2xx answer. */
    HttpResponse.BodySubscriber<byte[]> subscriber(HttpResponse.ResponseInfo info, PreparedRequest request) {
        if (target == null) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), in -> {
                stream = in;
                return NONE;
            });
        }
        long expected = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new FileWriter(request, expected);
    }

    /** The body stream of the answer, for {@link #toStream()} sinks; null before a 2xx answer. */
    public InputStream stream() {
        return stream;
    }

    /** The bytes written to the file by the last complete answer. */
    public long bytes() {
        return bytes;
    }

    /** Moves the downloaded file into place; false when no answer's body was written. */
    public boolean commit() throws LocalWriteException {
        Path file = written;
        if (file == null) {
            return false;
        }
        written = null;
        try {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new LocalWriteException(target, e);
        }
        return true;
    }

    /** Deletes a downloaded file that will not be committed; a writer still finishing deletes its own. */
    public void discard() {
        discarded = true;
        Path file = written;
        written = null;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file in the target's directory; nothing else to do.
            }
        }
    }

    /** Writes one answer's body to a temporary file beside the target, one buffer list at a time. */
    private final class FileWriter implements HttpResponse.BodySubscriber<byte[]> {
        private final PreparedRequest request;
        private final long expected;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private FileChannel channel;
        private Path file;
        private long count;
        private long reported;

        FileWriter(PreparedRequest request, long expected) {
            this.request = request;
            this.expected = expected;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            try {
                file = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                fail(new LocalWriteException(target, e));
                s.cancel();
                return;
            }
            // One list of buffers at a time: the client reads no further ahead than the disk writes.
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer buffer : buffers) {
                    while (buffer.hasRemaining()) {
                        count += channel.write(buffer);
                    }
                }
            } catch (IOException e) {
                fail(new LocalWriteException(target, e));
                subscription.cancel();
                return;
            }
            if (count - reported >= PROGRESS_EVERY) {
                reported = count;
                listener.bodyProgress(request, count, expected);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            fail(failure);
        }

        @Override
        public void onComplete() {
            try {
                channel.close();
            } catch (IOException e) {
                fail(e);
                return;
            }
            listener.bodyProgress(request, count, expected);
            Path previous = written;
            written = file;
            bytes = count;
            if (previous != null && !previous.equals(file)) {
                deleteQuietly(previous);
            }
            if (discarded) {
                // The call gave up (its deadline passed) while this answer was being finished.
                written = null;
                deleteQuietly(file);
            }
            result.complete(NONE);
        }

        private void fail(Throwable failure) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            if (file != null) {
                deleteQuietly(file);
            }
            result.completeExceptionally(failure);
        }
    }

    /**
     * The download could not be written where it was going (a full disk, a directory gone): the network is
     * fine and asking again would fail the same way, so it is never retried.
     */
    public static final class LocalWriteException extends IOException {
        private static final long serialVersionUID = 1L;

        LocalWriteException(Path target, IOException cause) {
            super("cannot write the download beside " + target + ": " + cause.getMessage(), cause);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file is harmless; the failure being reported matters more.
        }
    }
}
