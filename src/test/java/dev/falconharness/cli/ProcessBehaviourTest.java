package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What only a separate {@code falcon} process shows: it stops paging when its reader closes stdout,
 * and Ctrl-C leaves complete JSON, a count, a revoked token and exit status 130.
 */
class ProcessBehaviourTest {
    private final FakeFalcon falcon = new FakeFalcon().endlessPages();

    @AfterEach
    void stop() {
        falcon.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(falcon.env());
        env.put("FALCON_NO_TOKEN_CACHE", "1");
        env.put("XDG_CONFIG_HOME", "/nonexistent/falcon-tests/config");
        return env;
    }

    @Test
    void aClosedStdoutStopsThePagingAtOnceWithTheSigpipeStatus() throws Exception {
        FalconProcess falconRun = FalconProcess.start(env(), "queryUserV1", "--all", "limit=1");
        assertEquals("\"u0\"", falconRun.readLine());
        falconRun.closeStdout();
        assertEquals(ExitCodes.READER_GONE, falconRun.exitStatus(), falconRun.err());
        int pagesAtExit = falcon.calls().size();
        // A pipe holds 64 KiB, so a few pages may be written before the write that fails; not a million.
        assertTrue(pagesAtExit < 50, "paged on after the reader left: " + pagesAtExit + " pages");
        assertEquals("", falconRun.err(), "a closed pipe is not an error worth a message");
    }

    @Test
    void ctrlCClosesTheArrayCountsTheRecordsRevokesTheTokenAndExits130() throws Exception {
        FalconProcess falconRun = FalconProcess.start(env(), "queryUserV1", "--all", "--array", "limit=1");
        StringBuilder out = new StringBuilder();
        // The array opens with "[" and its records follow on the same line; wait for some of them.
        while (falcon.calls().size() < 5) {
            out.append((char) falconRun.process.getInputStream().read());
        }
        falconRun.interrupt();
        out.append(falconRun.rest());
        assertEquals(ExitCodes.INTERRUPTED, falconRun.exitStatus(), falconRun.err());
        JsonNode array = new ObjectMapper().readTree(out.toString());
        assertTrue(array.isArray() && array.size() >= 5, out.toString());
        assertEquals("u" + (array.size() - 1), array.get(array.size() - 1).asText());
        assertTrue(falconRun.err().contains("falcon: interrupted; " + array.size() + " records"), falconRun.err());
        assertEquals(1, falcon.revokes(), "the token is revoked before the process ends");
    }

    @Test
    void batchStopsCallingWhenItsReaderLeaves() throws Exception {
        FalconProcess falconRun = FalconProcess.start(env(), "batch", "--parallel", "2");
        Thread feeder = new Thread(() -> {
            try (var in = falconRun.process.getOutputStream()) {
                for (int i = 0; i < 5000; i++) {
                    in.write(("{\"op\": \"queryUserV1\", \"params\": {\"offset\": " + i + "}}\n").getBytes());
                }
            } catch (java.io.IOException e) {
                // falcon stopped reading: expected once it has stopped.
            }
        });
        feeder.start();
        assertTrue(falconRun.readLine().startsWith("{\"line\":"));
        falconRun.closeStdout();
        assertEquals(ExitCodes.READER_GONE, falconRun.exitStatus(), falconRun.err());
        feeder.join();
        assertTrue(falcon.calls().size() < 200, "called on after the reader left: " + falcon.calls().size());
    }

    @Test
    void ctrlCStopsTheSandboxCommandCleanly() throws Exception {
        FalconProcess falconRun = FalconProcess.start(env(), "sandbox");
        assertTrue(falconRun.readLine().startsWith("Falcon sandbox listening on http://127.0.0.1:"));
        falconRun.interrupt();
        assertEquals(ExitCodes.INTERRUPTED, falconRun.exitStatus(), falconRun.err());
        assertTrue(falconRun.err().contains("Sandbox stopped."), falconRun.err());
        assertTrue(!falconRun.err().contains("falcon: interrupted"), "the sandbox stops itself; nothing was cut short");
    }
}
