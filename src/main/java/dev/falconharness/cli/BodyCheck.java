package dev.falconharness.cli;

import dev.falconharness.BodyValidation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * {@code --body-check=refuse|warn|off}: what a call does with a body that breaks its operation's schema,
 * as {@link dev.falconharness.HarnessBuilder#bodyValidation}. With {@code warn} the harness logs each
 * problem through {@link System.Logger}; {@link #warnings} shows those records on the command's stderr as
 * {@code warning:} lines instead of the logging framework's two-line default.
 */
final class BodyCheck {
    /** The values, as help and completion show them. */
    static final String NAMES = "refuse, warn, off";
    /** Where the request factory logs body problems in {@link BodyValidation#WARN} mode. */
    private static final String LOGGER = "dev.falconharness.request.RequestFactory";
    /** Held so that the logger, and the handler set on it, are not collected while a command runs. */
    private static final Logger WARNINGS = Logger.getLogger(LOGGER);

    private BodyCheck() {
    }

    /** What {@link #warnings} returns: closing it puts the logger back as it was. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The mode {@code text} names (case-insensitive); null for null (the harness's default, refuse). */
    static BodyValidation parse(String text) {
        if (text == null) {
            return null;
        }
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "refuse":
                return BodyValidation.REFUSE;
            case "warn":
                return BodyValidation.WARN;
            case "off":
                return BodyValidation.OFF;
            default:
                throw CommandFailure.usage("--body-check must be one of " + NAMES + ", got \""
                        + TerminalText.escape(text) + "\"");
        }
    }

    /**
     * While open, the harness's body warnings go to {@code err} as {@code warning: OP: path: problem}
     * lines (and not to the logging framework's console handler).
     */
    static Scope warnings(PrintWriter err) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (err) {
                        err.println("warning: " + record.getMessage().replace("(BodyValidation.WARN)", "(--body-check=warn)"));
                        err.flush();
                    }
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        boolean parents = WARNINGS.getUseParentHandlers();
        WARNINGS.addHandler(handler);
        WARNINGS.setUseParentHandlers(false);
        return () -> {
            WARNINGS.removeHandler(handler);
            WARNINGS.setUseParentHandlers(parents);
        };
    }
}
