package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.http.CallListener;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.testing.FakeSleeper;
import dev.falconharness.testing.MockFalcon;
import dev.falconharness.testing.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One call path: every call, synchronous or not, runs the same synchronous stages; the token request is
 * inside the call's one retry loop; any executor works; settings are copied at build.
 */
class OneCallPathTest {
    /** A deadlock shows as a future that never completes; far above any honest call here. */
    private static final long HANG_SECONDS = 20;

    private final MockFalcon falcon = new MockFalcon();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final FakeSleeper sleeper = new FakeSleeper(clock);
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final CallListener recorder = new CallListener() {
        @Override
        public void requestSent(PreparedRequest request) {
            sent.add(request.method() + " " + request.target() + " on " + Thread.currentThread().getName());
        }
    };

    @AfterEach
    void stop() {
        falcon.close();
    }

    private HarnessBuilder retrying() {
        return falcon.builder().retryPolicy(RetryPolicy.DEFAULT).clock(clock).sleeper(sleeper).jitter(() -> 0.5).listener(recorder);
    }

    private static MockResponse status(int code) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody("{\"meta\":{},\"resources\":[],\"errors\":[{\"code\":" + code + ",\"message\":\"status " + code + "\"}]}");
    }

    private static MockResponse ok() {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"resources\":[\"ok\"]}");
    }

    private long tokenRequests() {
        return sent.stream().filter(s -> s.startsWith("POST /oauth2/token")).count();
    }

    @Test
    void aPoolOfOneThreadWithA503FromTheTokenEndpointCompletesBothWays() throws Exception {
        ExecutorService one = Executors.newFixedThreadPool(1);
        try (Harness harness = retrying().executor(one).build()) {
            falcon.enqueue(status(503)).enqueueToken().enqueue(ok());
            assertEquals(200, harness.command("GetAvailableRoleIds").statusCode());
            harness.close();
        } finally {
            one.shutdownNow();
        }
        ExecutorService single = Executors.newFixedThreadPool(1);
        try (MockFalcon other = new MockFalcon();
                Harness harness = other.builder().retryPolicy(RetryPolicy.DEFAULT).clock(clock).sleeper(sleeper)
                        .jitter(() -> 0.5).executor(single).build()) {
            other.enqueue(status(503)).enqueueToken().enqueue(ok()).enqueue(ok());
            CompletableFuture<ApiResponse> first = harness.commandAsync("GetAvailableRoleIds", Map.of(), null);
            CompletableFuture<ApiResponse> second = harness.commandAsync("GetAvailableRoleIds", Map.of(), null);
            assertEquals(200, first.get(HANG_SECONDS, TimeUnit.SECONDS).statusCode());
            assertEquals(200, second.get(HANG_SECONDS, TimeUnit.SECONDS).statusCode());
            assertEquals(4, other.requestCount(), "one 503 token answer, one token, two calls");
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void twoHundredAsyncCallsBeforeTheFirstTokenMakeOneTokenRequestAndDoNotStartAThreadEach() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger tokens = new AtomicInteger();
        falcon.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getPath().startsWith("/oauth2/token")) {
                    tokens.incrementAndGet();
                    release.await(HANG_SECONDS, TimeUnit.SECONDS);
                    return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                            .setBody("{\"access_token\":\"" + MockFalcon.TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":1799}");
                }
                return ok();
            }
        });
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (Harness harness = falcon.builder().build()) {
            List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(harness.commandAsync("GetAvailableRoleIds", Map.of(), null));
            }
            assertTrue(harnessThreads(before) <= 1, "while the token is fetched only the fetch has a thread");
            release.countDown();
            for (CompletableFuture<ApiResponse> call : calls) {
                assertEquals(200, call.get(HANG_SECONDS, TimeUnit.SECONDS).statusCode());
            }
            assertEquals(1, tokens.get());
            int threads = harnessThreads(before);
            assertTrue(threads <= HarnessCore.MAX_ASYNC_THREADS, threads + " threads for 200 calls");
        }
    }

    private static int harnessThreads(Set<Thread> before) {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith("falcon-harness-") && !t.getName().endsWith("deadlines"))
                .count();
    }

    @Test
    void aSynchronousCallRunsEveryStepOnTheCallersThread() {
        try (Harness harness = retrying().build()) {
            falcon.enqueue(status(503)).enqueueToken().enqueue(status(500)).enqueue(ok());
            assertEquals(200, harness.command("GetAvailableRoleIds").statusCode());
            String caller = Thread.currentThread().getName();
            assertEquals(4, sent.size(), sent.toString());
            assertTrue(sent.stream().allMatch(s -> s.endsWith(" on " + caller)), sent.toString());
        }
    }

    @Test
    void anAsynchronousCallRunsOnTheHarnessPool() throws Exception {
        try (Harness harness = retrying().build()) {
            falcon.enqueueToken().enqueue(ok());
            assertEquals(200, harness.commandAsync("GetAvailableRoleIds", Map.of(), null).get(HANG_SECONDS, TimeUnit.SECONDS).statusCode());
            assertEquals(2, sent.size(), sent.toString());
            assertTrue(sent.stream().allMatch(s -> s.contains(" on falcon-harness-")), sent.toString());
        }
    }

    // Exact attempt counts: the default policy makes 4 attempts in all, token requests included.

    @Test
    void aTokenEndpointThatKeepsAnswering503IsAskedFourTimesInAll() {
        try (Harness harness = retrying().build()) {
            for (int i = 0; i < 4; i++) {
                falcon.enqueue(status(503));
            }
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> harness.command("GetAvailableRoleIds"));
            assertEquals(503, e.statusCode());
            assertEquals(4, falcon.requestCount());
            assertEquals(3, sleeper.sleeps().size());
        }
    }

    @Test
    void aTokenEndpointThatKeepsAnswering429IsAskedFourTimesInAll() {
        try (Harness harness = retrying().build()) {
            for (int i = 0; i < 4; i++) {
                falcon.enqueue(status(429).setHeader("X-Ratelimit-Retryafter", String.valueOf(clock.instant().getEpochSecond() + 2)));
            }
            assertThrows(AuthenticationException.class, () -> harness.command("GetAvailableRoleIds"));
            assertEquals(4, falcon.requestCount());
            assertEquals(Duration.ofSeconds(2), sleeper.sleeps().get(0), "the token endpoint's retry time is honoured");
        }
    }

    @Test
    void aTokenEndpointThatResetsEveryConnectionIsAskedFourTimesInAll() {
        try (Harness harness = retrying().build()) {
            for (int i = 0; i < 4; i++) {
                falcon.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            }
            NetworkException e = assertThrows(NetworkException.class, () -> harness.command("GetAvailableRoleIds"));
            assertTrue(e.getMessage().contains("token request"), e.getMessage());
            assertEquals(4, tokenRequests());
            assertEquals(4, falcon.requestCount());
        }
    }

    @Test
    void aRefusedConnectionIsTriedFourTimesInAllTokenRequestsIncluded() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (Harness harness = retrying().baseUrl("http://127.0.0.1:" + port).build()) {
            NetworkException e = assertThrows(NetworkException.class, () -> harness.command("GetAvailableRoleIds"));
            assertInstanceOf(java.net.ConnectException.class, e.getCause(), e.getMessage());
        }
        assertEquals(4, tokenRequests(), sent.toString());
        assertEquals(4, sent.size(), sent.toString());
    }

    @Test
    void aCallThatKeepsAnswering503IsSentFourTimesAfterOneToken() {
        try (Harness harness = retrying().build()) {
            falcon.enqueueToken();
            for (int i = 0; i < 4; i++) {
                falcon.enqueue(status(503));
            }
            assertEquals(503, harness.command("GetAvailableRoleIds").statusCode());
            assertEquals(5, falcon.requestCount());
        }
    }

    @Test
    void aCallThatKeepsAnswering429IsSentFourTimesEvenAsAPost() {
        try (Harness harness = retrying().build()) {
            falcon.enqueueToken();
            for (int i = 0; i < 4; i++) {
                falcon.enqueue(status(429));
            }
            assertEquals(429, harness.command("CreateUser", Map.of(), Map.of("uid", "ana@example.com")).statusCode());
            assertEquals(5, falcon.requestCount());
        }
    }

    @Test
    void aCallWhoseConnectionIsResetIsAttemptedFourTimes() {
        try (Harness harness = retrying().build()) {
            falcon.enqueueToken();
            for (int i = 0; i < 8; i++) {
                falcon.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            }
            assertThrows(NetworkException.class, () -> harness.command("GetAvailableRoleIds"));
            // The JDK client may itself resend a GET once on a dropped fresh connection; the harness's own
            // attempts are what it hands to the network.
            assertEquals(4, sent.stream().filter(s -> s.startsWith("GET ")).count(), sent.toString());
        }
    }

    @Test
    void aTokenFailureAndCallFailuresShareOneBudgetOfFourAttempts() {
        try (Harness harness = retrying().build()) {
            falcon.enqueue(status(503)).enqueueToken().enqueue(status(503)).enqueue(status(503)).enqueue(status(503));
            assertEquals(503, harness.command("GetAvailableRoleIds").statusCode());
            assertEquals(5, falcon.requestCount(), "attempt 1: token 503; attempts 2-4: token then three calls");
            assertEquals(3, sleeper.sleeps().size());
        }
    }

    @Test
    void aTwoSecondTimeoutEndsACallToAStalledServerWithinThreeSeconds() {
        for (int i = 0; i < 8; i++) {
            falcon.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        }
        try (Harness harness = falcon.builder().retryPolicy(RetryPolicy.DEFAULT).build()) {
            long started = System.nanoTime();
            NetworkException e = assertThrows(NetworkException.class,
                    () -> harness.withTimeout(Duration.ofSeconds(2)).command("GetAvailableRoleIds"));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(e.isTimeout(), e.getMessage());
            assertTrue(elapsedMs < 3_000, "took " + elapsedMs + " ms");
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }

    @Test
    void aManifestWithoutABaseUrlIsRefusedAtBuildSoCredentialsCannotGoToAGuessedHost() {
        dev.falconharness.manifest.Manifest tickets = dev.falconharness.manifest.Manifest.of("tickets", List.of(
                dev.falconharness.manifest.Operation.builder("listTickets", "GET", "/tickets").build()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Harness.builder().manifest(tickets).credentials(Credentials.bearerToken("t0ken")).build());
        assertTrue(e.getMessage().contains("names no baseUrl") && e.getMessage().contains("baseUrl(\""), e.getMessage());
        try (Harness harness = Harness.builder().manifest(tickets).baseUrl(falcon.baseUrl()).httpClient(MockFalcon.http11())
                .credentials(Credentials.bearerToken("t0ken")).build()) {
            assertEquals(falcon.baseUrl(), harness.baseUrl());
        }
    }

    @Test
    void falconCredentialsCarryingACloudDoNotMoveAnotherApiToFalcon() {
        dev.falconharness.manifest.Manifest tickets = dev.falconharness.manifest.Manifest.of("tickets", List.of(
                dev.falconharness.manifest.Operation.builder("listTickets", "GET", "/tickets").build()));
        Credentials withCloud = Credentials.fromEnvironment(Map.of("FALCON_CLIENT_ID", "id", "FALCON_CLIENT_SECRET", "s3cret", "FALCON_CLOUD", "eu-1"));
        try (Harness harness = Harness.builder().manifest(tickets).baseUrl(falcon.baseUrl()).credentials(withCloud).build()) {
            assertEquals(falcon.baseUrl(), harness.baseUrl());
        }
    }

    @Test
    void changingTheBuilderAfterBuildChangesNoHarnessNorItsViews() {
        List<String> late = new CopyOnWriteArrayList<>();
        HarnessBuilder builder = falcon.builder();
        try (Harness harness = builder.build()) {
            builder.listener(new CallListener() {
                @Override
                public void requestSent(PreparedRequest request) {
                    late.add(request.target());
                }
            }).baseUrl("http://127.0.0.1:9").userAgent("changed/1.0");
            falcon.enqueueToken().enqueue(ok());
            Harness view = harness.withTimeout(Duration.ofSeconds(30));
            assertEquals(200, view.command("GetAvailableRoleIds").statusCode());
            assertEquals(falcon.baseUrl(), view.baseUrl());
            assertFalse(view.userAgent().contains("changed"));
            assertEquals(List.of(), late);
        }
    }

    @Test
    void viewsShareTheTokenAndNothingElse() throws Exception {
        try (Harness harness = retrying().build()) {
            falcon.enqueueToken().enqueue(ok()).enqueue(status(503)).enqueue(ok());
            assertEquals(200, harness.command("GetAvailableRoleIds").statusCode());
            Harness noRetries = harness.withRetryPolicy(RetryPolicy.NONE);
            assertEquals(503, noRetries.command("GetAvailableRoleIds").statusCode(), "the view keeps its own policy");
            assertEquals(200, harness.command("GetAvailableRoleIds").statusCode());
            assertEquals(1, tokenRequests(), "one token for the harness and its view");
        }
    }

    @Test
    void aBadCallFailsTheAsyncFutureAtOnceAndSendsNothing() {
        try (Harness harness = falcon.builder().build()) {
            CompletableFuture<ApiResponse> unknown = harness.commandAsync("GetRolez", Map.of(), null);
            ExecutionException e = assertThrows(ExecutionException.class, () -> unknown.get(1, TimeUnit.SECONDS));
            assertInstanceOf(UnknownOperationException.class, e.getCause());
            assertEquals(0, falcon.requestCount());
        }
    }

    @Test
    void aRetryOnAPoolOfOneRunsATokenFetchQueuedBehindItInsteadOfWaitingForever() throws Exception {
        ExecutorService one = Executors.newFixedThreadPool(1);
        java.util.concurrent.atomic.AtomicReference<Harness> harness = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<CompletableFuture<ApiResponse>> late = new java.util.concurrent.atomic.AtomicReference<>();
        // While the first call backs off on the only thread, a second call is made: its token fetch is
        // queued behind the first call, which then needs a token itself.
        dev.falconharness.http.Sleeper queueingSleeper = delay -> {
            if (late.get() == null) {
                late.set(harness.get().commandAsync("GetAvailableRoleIds", Map.of(), null));
            }
        };
        try (Harness h = falcon.builder().retryPolicy(RetryPolicy.DEFAULT).sleeper(queueingSleeper).jitter(() -> 0.5)
                .executor(one).build()) {
            harness.set(h);
            falcon.enqueue(status(503)).enqueueToken().enqueue(ok()).enqueue(ok());
            CompletableFuture<ApiResponse> first = h.commandAsync("GetAvailableRoleIds", Map.of(), null);
            assertEquals(200, first.get(HANG_SECONDS, TimeUnit.SECONDS).statusCode());
            assertEquals(200, late.get().get(HANG_SECONDS, TimeUnit.SECONDS).statusCode());
            assertEquals(4, falcon.requestCount(), "one refused token request, one token, two calls");
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void anAsyncCallWaitingForASlowTokenEndsAtItsOwnDeadline() throws Exception {
        falcon.enqueue(new MockResponse().setHeadersDelay(3, TimeUnit.SECONDS).setResponseCode(201)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"access_token\":\"" + MockFalcon.TOKEN + "\",\"expires_in\":1799}"));
        try (Harness harness = falcon.builder().build()) {
            CompletableFuture<ApiResponse> patient = harness.commandAsync("GetAvailableRoleIds", Map.of(), null);
            long started = System.nanoTime();
            CompletableFuture<ApiResponse> hurried = harness.withTimeout(Duration.ofMillis(300))
                    .commandAsync("GetAvailableRoleIds", Map.of(), null);
            ExecutionException e = assertThrows(ExecutionException.class, () -> hurried.get(HANG_SECONDS, TimeUnit.SECONDS));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(((NetworkException) e.getCause()).isTimeout(), e.getCause().getMessage());
            assertTrue(elapsedMs < 2_500, "the 300 ms call waited " + elapsedMs + " ms for a 3 s token");
            falcon.enqueue(ok());
            assertEquals(200, patient.get(HANG_SECONDS, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void anApiKeyWithANewlineIsRefusedNamingTheHeaderNeverTheKey() {
        dev.falconharness.manifest.Manifest tickets = dev.falconharness.manifest.Manifest.of("tickets", List.of(
                dev.falconharness.manifest.Operation.builder("listTickets", "GET", "/tickets").build()));
        try (Harness harness = Harness.builder().manifest(tickets).baseUrl(falcon.baseUrl()).httpClient(MockFalcon.http11())
                .credentials(Credentials.apiKey("s3cr3t-key\n"))
                .auth(dev.falconharness.manifest.AuthSpec.apiKey(dev.falconharness.manifest.Location.HEADER, "X-Api-Key")).build()) {
            ValidationException e = assertThrows(ValidationException.class, () -> harness.command("listTickets"));
            assertTrue(e.getMessage().contains("X-Api-Key"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
            assertEquals(0, falcon.requestCount());
        }
    }
}
