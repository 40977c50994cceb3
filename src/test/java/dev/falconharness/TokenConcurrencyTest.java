package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconharness.http.RetryPolicy;
import dev.falconharness.testing.MockFalcon;
import dev.falconharness.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** 32 threads call while the token expires again and again: one token request per expiry, no failures. */
class TokenConcurrencyTest {
    private static final int THREADS = 32;
    private static final int ROUNDS = 5;
    private static final int CALLS_PER_THREAD = 8;

    /** Issues numbered tokens and accepts only the newest one, as a real token rotation would. */
    private static final class RotatingFalcon extends Dispatcher {
        final AtomicInteger tokensIssued = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if ("/oauth2/token".equals(request.getPath())) {
                int n = tokensIssued.incrementAndGet();
                return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                        .setBody("{\"access_token\":\"rotating-" + n + "\",\"expires_in\":600}");
            }
            if (!("Bearer rotating-" + tokensIssued.get()).equals(request.getHeader("Authorization"))) {
                rejected.incrementAndGet();
                return new MockResponse().setResponseCode(401);
            }
            return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"resources\":[]}");
        }
    }

    @Test
    void thirtyTwoThreadsShareOneTokenRequestPerExpiry() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
        RotatingFalcon dispatcher = new RotatingFalcon();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (MockFalcon falcon = new MockFalcon();
                Harness harness = falcon.builder().clock(clock).retryPolicy(RetryPolicy.NONE).build()) {
            falcon.server().setDispatcher(dispatcher);
            for (int round = 1; round <= ROUNDS; round++) {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    results.add(pool.submit(() -> callRepeatedly(harness)));
                }
                for (Future<Integer> result : results) {
                    assertEquals(CALLS_PER_THREAD, result.get(30, TimeUnit.SECONDS));
                }
                assertEquals(round, dispatcher.tokensIssued.get(), "token requests after round " + round);
                // Past the refresh point (600 s lifetime, refreshed 120 s early).
                clock.advance(Duration.ofSeconds(481));
            }
            assertEquals(0, dispatcher.rejected.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int callRepeatedly(Harness harness) {
        int ok = 0;
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            if (harness.command("GetAvailableRoleIds").statusCode() == 200) {
                ok++;
            }
        }
        return ok;
    }
}
