package dev.falconharness.cli;

import picocli.CommandLine;

/** The {@code falcon} executable's entry point (the fat jar's Main-Class). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Prewarm.start(args);
        CommandLine commandLine = FalconCommand.commandLineFor(new FalconCommand(), args);
        int exitCode = commandLine.execute(args);
        // System.exit skips the writers' buffers; text printed without a newline would be lost.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        releaseHttpSelectors();
        System.exit(exitCode);
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
