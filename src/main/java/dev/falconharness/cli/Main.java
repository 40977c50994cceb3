package dev.falconharness.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/** The {@code falcon} executable's entry point (the fat jar's Main-Class). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Prewarm.start(args);
        Interruption.install(Thread.currentThread());
        CommandLine commandLine = FalconCommand.commandLineFor(new FalconCommand(), args);
        commandLine.setOut(stdout());
        int exitCode = FalconCommand.execute(commandLine, args);
        // System.exit skips the writers' buffers; text printed without a newline would be lost.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        if (commandLine.getOut().checkError() && exitCode == ExitCodes.OK) {
            // stdout's reader went away (falcon ... | head -1): end as Unix tools killed by SIGPIPE do.
            exitCode = ExitCodes.READER_GONE;
        }
        releaseHttpSelectors();
        // After Ctrl-C the JVM is already shutting down: System.exit would wait for the hook, which waits
        // for this; once released, the JVM ends with the signal's own status (130).
        Interruption.finished();
        System.exit(exitCode);
    }

    /**
     * stdout as picocli's kind of writer, but on the file descriptor itself: picocli's default wraps
     * {@code System.out}, a {@code PrintStream} that swallows the error saying the reader is gone, so
     * {@code checkError()} would never tell and {@code falcon ... --all | head -1} would page on.
     */
    private static PrintWriter stdout() {
        String encoding = System.getProperty("sun.stdout.encoding", System.getProperty("stdout.encoding"));
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : Charset.defaultCharset();
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset)), true);
    }

    /**
     * Wakes the JDK HTTP client's selector thread so that it ends. The JVM's exit waits up to 300 ms
     * for threads blocked in native code, and that thread sits in {@code epoll_wait} for as long as the
     * client lives (JDK 17 has no {@code HttpClient.close()}). The work is done by now; this only saves
     * the wait.
     */
    private static void releaseHttpSelectors() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("HttpClient-") && thread.getName().endsWith("-SelectorManager")) {
                thread.interrupt();
            }
        }
    }
}
