package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --timeout} bounds the whole call: token request, every attempt and the waits between them. */
class CallTimeoutTest {

    @Test
    void aTwoSecondTimeoutAgainstAServerThatNeverAnswersEndsInAboutTwoSeconds() throws IOException {
        // A server that accepts connections and reads nothing back: every request stalls.
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Cli cli = Cli.with(Map.of("FALCON_CLIENT_ID", "id", "FALCON_CLIENT_SECRET", "s3cret-value",
                    "FALCON_BASE_URL", "http://127.0.0.1:" + silent.getLocalPort()));
            // Load the command line's classes first, so what is timed is the call and not the start-up.
            cli.run("--dry-run", "GetRoles", "ids=a");
            long started = System.nanoTime();
            Cli.Result result = cli.run("--timeout", "2", "GetRoles", "ids=a");
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(ExitCodes.NETWORK, result.exitCode(), result.err());
            assertTrue(result.err().contains("--timeout"), result.err());
            // It took 42 s when each of the retried token and call attempts had the two seconds to itself.
            assertTrue(elapsedMs < 5_000, "took " + elapsedMs + " ms");
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
