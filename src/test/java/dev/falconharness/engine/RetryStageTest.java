package dev.falconharness.engine;

import dev.falconharness.http.CallListener;
import dev.falconharness.http.Headers;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.RetryPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.falconharness.testing.FakeSleeper;
import dev.falconharness.testing.MutableClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry decisions against a scripted stand-in for the network. */
class RetryStageTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeSleeper sleeper = new FakeSleeper(clock);

    /** Plays back failures and statuses in order, counting sends. */
    private static final class Script implements Stage {
        final Deque<Object> outcomes = new ArrayDeque<>();
        int sends;

        Script then(Object outcome) {
            outcomes.add(outcome);
            return this;
        }

        @Override
        public RawResponse intercept(Chain chain) throws IOException {
            sends++;
            Object next = outcomes.removeFirst();
            if (next instanceof IOException e) {
                throw e;
            }
            return new RawResponse(chain.request(), (Integer) next, Headers.EMPTY, new byte[0], Duration.ZERO);
        }
    }

    private RawResponse run(String method, Script script) throws IOException {
        RetryStage retry = new RetryStage(RetryPolicy.DEFAULT, clock, sleeper, CallListener.NONE,
                () -> 0.5);
        PreparedRequest request = new PreparedRequest("Op", method, "http://h", "/x", Headers.EMPTY, null, null);
        return StageChain.send(List.of(retry, script), request, Call.unbounded());
    }

    @Test
    void aPostWhoseConnectionFailedIsRetriedBecauseItNeverLeft() throws IOException {
        Script script = new Script().then(new ConnectException("refused")).then(200);
        assertEquals(200, run("POST", script).status());
        assertEquals(2, script.sends);
    }

    @Test
    void aPostWhoseConnectionResetIsNotRetried() {
        Script script = new Script().then(new SocketException("Connection reset")).then(200);
        assertThrows(SocketException.class, () -> run("POST", script));
        assertEquals(1, script.sends);
    }

    @Test
    void theLastFailureIsThrownWhenAttemptsRunOut() {
        IOException last = new ConnectException("refused 4");
        Script script = new Script().then(new ConnectException("1")).then(new ConnectException("2"))
                .then(new ConnectException("3")).then(last);
        assertSame(last, assertThrows(IOException.class, () -> run("GET", script)));
        assertEquals(4, script.sends);
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000)), sleeper.sleeps());
    }

    @Test
    void otherStatusesAreNotRetried() throws IOException {
        for (int status : new int[] {200, 400, 401, 403, 404, 409, 501}) {
            Script script = new Script().then(status).then(200);
            assertEquals(status, run("GET", script).status());
            assertEquals(1, script.sends);
        }
    }

    @Test
    void backoffGrowsExponentiallyAndIsCapped() {
        RetryPolicy policy = RetryPolicy.DEFAULT.toBuilder().baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(5)).build();
        assertEquals(Duration.ofSeconds(1), policy.backoff(1, 1.0));
        assertEquals(Duration.ofSeconds(4), policy.backoff(3, 1.0));
        assertEquals(Duration.ofSeconds(5), policy.backoff(10, 1.0));
        assertEquals(Duration.ofSeconds(5), policy.backoff(200, 1.0));
        assertEquals(Duration.ZERO, policy.backoff(3, 0.0));
    }

    @Test
    void retryAfterReadsEpochSecondsEpochMillisAndDeltaSeconds() {
        assertEquals(Optional.of(NOW.plusSeconds(9)), RetryAfter.from(Headers.of("X-Ratelimit-Retryafter", "" + (NOW.getEpochSecond() + 9)), NOW));
        assertEquals(Optional.of(NOW.plusMillis(1500)), RetryAfter.from(Headers.of("x-ratelimit-retryafter", "" + (NOW.toEpochMilli() + 1500)), NOW));
        assertEquals(Optional.of(NOW.plusSeconds(30)), RetryAfter.from(Headers.of("Retry-After", "30"), NOW));
        assertEquals(Optional.empty(), RetryAfter.from(Headers.of("X-Ratelimit-Retryafter", "" + (NOW.getEpochSecond() - 1)), NOW));
        assertEquals(Optional.empty(), RetryAfter.from(Headers.of("X-Ratelimit-Retryafter", "" + (NOW.getEpochSecond() + 86_400)), NOW));
        assertEquals(Optional.empty(), RetryAfter.from(Headers.of("X-Ratelimit-Retryafter", "soon"), NOW));
    }
}
