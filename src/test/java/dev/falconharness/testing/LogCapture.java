package dev.falconharness.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures everything the harness logs through {@code System.Logger} (which the JDK routes to
 * java.util.logging) at every level, for assertions. Close it to restore the logger.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.falconharness");
    private final Level previous;
    private final List<String> lines = new ArrayList<>();

    public LogCapture() {
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String message = record.getMessage();
        lines.add(record.getLevel() + " " + record.getLoggerName() + " " + message
                + (record.getThrown() != null ? " " + record.getThrown() : ""));
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
