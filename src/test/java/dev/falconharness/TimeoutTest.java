package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.testing.MockFalcon;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * The whole-answer deadline on both paths (a synchronous call interrupted on its own thread, an async
 * exchange cancelled), and that no interrupt is ever left behind on the caller's thread.
 */
class TimeoutTest {
    /** Far above the 300 ms timeouts below, far below the seconds a stalled answer would take. */
    private static final long BOUND_MS = 10_000;

    private static MockResponse ok() {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"resources\":[]}");
    }

    private static MockResponse stalledBody() {
        return ok().setBody("{\"resources\":[\"" + "x".repeat(4000) + "\"]}").throttleBody(100, 1, TimeUnit.SECONDS);
    }

    @Test
    void aSynchronousCallWhoseBodyStallsTimesOutAndTheNextCallWorks() {
        try (MockFalcon falcon = new MockFalcon(); Harness harness = falcon.builder().requestTimeout(Duration.ofMillis(300)).build()) {
            falcon.enqueueToken().enqueue(stalledBody()).enqueue(ok());
            long started = System.nanoTime();
            NetworkException e = assertThrows(NetworkException.class, () -> harness.command("GetAvailableRoleIds"));
            assertTrue(e.isTimeout(), e.getMessage());
            assertTrue((System.nanoTime() - started) / 1_000_000 < BOUND_MS);
            assertFalse(Thread.currentThread().isInterrupted());
            assertEquals(200, harness.command("GetAvailableRoleIds").statusCode());
        }
    }

    @Test
    void anAsynchronousCallWhoseBodyStallsTimesOutAndTheNextCallWorks() {
        try (MockFalcon falcon = new MockFalcon(); Harness harness = falcon.builder().requestTimeout(Duration.ofMillis(300)).build()) {
            falcon.enqueueToken().enqueue(stalledBody()).enqueue(ok());
            CompletionException e = assertThrows(CompletionException.class,
                    () -> harness.commandAsync("GetAvailableRoleIds", Map.of(), null).join());
            assertTrue(((NetworkException) e.getCause()).isTimeout(), e.getCause().getMessage());
            assertEquals(200, harness.commandAsync("GetAvailableRoleIds", Map.of(), null).join().statusCode());
        }
    }

    @Test
    void delayedHeadersTimeOutOnBothPaths() {
        try (MockFalcon falcon = new MockFalcon(); Harness harness = falcon.builder().requestTimeout(Duration.ofMillis(300)).build()) {
            falcon.enqueueToken().enqueue(ok().setHeadersDelay(2, TimeUnit.SECONDS))
                    .enqueue(ok().setHeadersDelay(2, TimeUnit.SECONDS)).enqueue(ok());
            assertTrue(assertThrows(NetworkException.class, () -> harness.command("GetAvailableRoleIds")).isTimeout());
            CompletionException async = assertThrows(CompletionException.class,
                    () -> harness.commandAsync("GetAvailableRoleIds", Map.of(), null).join());
            assertTrue(((NetworkException) async.getCause()).isTimeout());
            assertEquals(200, harness.command("GetAvailableRoleIds").statusCode());
        }
    }

    @Test
    void aCallerInterruptedWhileWaitingFailsAndKeepsItsInterruptFlag() throws InterruptedException {
        try (MockFalcon falcon = new MockFalcon(); Harness harness = falcon.builder().build()) {
            falcon.enqueueToken().enqueue(ok()).enqueue(ok().setHeadersDelay(3, TimeUnit.SECONDS));
            harness.command("GetAvailableRoleIds");
            Thread caller = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                caller.interrupt();
            });
            interrupter.start();
            assertThrows(NetworkException.class, () -> harness.command("GetAvailableRoleIds"));
            assertTrue(Thread.interrupted(), "the caller's interrupt must survive");
            interrupter.join();
        }
    }

    @Test
    void racingDeadlinesNeverLeaveAnInterruptBehind() {
        // A fixed token: on a loaded machine a 25 ms token request could time out itself, and its answer
        // would then be read by the next call.
        try (MockFalcon falcon = new MockFalcon(); Harness harness = falcon.builder().requestTimeout(Duration.ofMillis(25))
                .credentials(Credentials.bearerToken(MockFalcon.TOKEN)).build()) {
            Random random = new Random(1);
            for (int i = 0; i < 150; i++) {
                falcon.enqueue(ok().setHeadersDelay(random.nextInt(50), TimeUnit.MILLISECONDS));
            }
            int timeouts = 0;
            int answers = 0;
            for (int i = 0; i < 150; i++) {
                try {
                    harness.command("GetAvailableRoleIds");
                    answers++;
                } catch (NetworkException e) {
                    assertTrue(e.isTimeout(), e.getMessage());
                    timeouts++;
                }
                assertFalse(Thread.currentThread().isInterrupted(), "stray interrupt after call " + i);
            }
            assertTrue(timeouts > 0 && answers > 0, answers + " answers, " + timeouts + " timeouts");
        }
    }
}
