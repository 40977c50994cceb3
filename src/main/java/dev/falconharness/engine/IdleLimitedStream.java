package dev.falconharness.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A response body handed to the caller, closed for them when a read has waited too long for a byte: a
 * server that stalls mid-download cannot hold a reader forever. The clock runs only inside {@code read},
 * so a slow but steady download of any size is fine, and so is a caller that pauses between reads. A read
 * cut off throws {@link HttpTimeoutException}. Not thread-safe, like any stream.
 */
public final class IdleLimitedStream extends FilterInputStream {
    private final long idleNanos;
    private final Watch watch = new Watch();
    private volatile boolean timedOut;

    /** Watches {@code in}, closing it after {@code idle} without data. */
    public IdleLimitedStream(InputStream in, Duration idle) {
        super(in);
        this.idleNanos = idle.toNanos();
    }

    @Override
    public int read() throws IOException {
        arm();
        try {
            return super.read();
        } catch (IOException e) {
            throw timedOut ? cutOff(e) : e;
        } finally {
            Deadlines.release(watch);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        arm();
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw timedOut ? cutOff(e) : e;
        } finally {
            Deadlines.release(watch);
        }
    }

    /** The clock runs only while a read waits: time the caller spends between reads is not a stall. */
    private void arm() throws IOException {
        if (timedOut) {
            throw cutOff(null);
        }
        watch.rearm();
    }

    private HttpTimeoutException cutOff(IOException cause) {
        HttpTimeoutException e = new HttpTimeoutException("no data for " + Duration.ofNanos(idleNanos).toMillis()
                + " ms; the download was cut off");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
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
