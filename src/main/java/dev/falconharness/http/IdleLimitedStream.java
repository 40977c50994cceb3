package dev.falconharness.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A response body handed to the caller, closed for them when no byte has come for too long: a server
 * that stalls mid-download cannot hold a reader forever. Each read that returns data starts the clock
 * anew, so a slow but steady download of any size is fine. Not thread-safe, like any stream.
 */
public final class IdleLimitedStream extends FilterInputStream {
    private final long idleNanos;
    private final Watch watch = new Watch();
    private volatile boolean timedOut;

    /** Watches {@code in}, closing it after {@code idle} without data. */
    public IdleLimitedStream(InputStream in, Duration idle) {
        super(in);
        this.idleNanos = idle.toNanos();
        watch.rearm();
    }

    @Override
    public int read() throws IOException {
        return guarded(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return guarded(super.read(buffer, offset, length));
    }

    private int guarded(int result) throws IOException {
        if (timedOut) {
            throw new HttpTimeoutException("no data for " + Duration.ofNanos(idleNanos).toMillis() + " ms; the download was cut off");
        }
        if (result < 0) {
            Deadlines.release(watch);
        } else {
            watch.rearm();
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        Deadlines.release(watch);
        super.close();
    }

    /** The deadline of the next byte. */
    private final class Watch implements Deadlines.Deadline {
        private volatile long deadline;

        void rearm() {
            deadline = System.nanoTime() + idleNanos;
            Deadlines.watch(this);
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public void expire() {
            timedOut = true;
            try {
                in.close();
            } catch (IOException e) {
                // Closing is how the reader is woken; a failure to close changes nothing for it.
            }
        }
    }
}
