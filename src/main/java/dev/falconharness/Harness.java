package dev.falconharness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.http.Stage;
import dev.falconharness.http.StageChain;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.paging.BatchResult;
import dev.falconharness.paging.IdBatcher;
import dev.falconharness.paging.Paginator;
import dev.falconharness.paging.QueryThenDetails;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Calls any operation of its manifest by ID: builds the request from the manifest, validates it,
 * authenticates, sends it and decodes the answer.
 *
 * <pre>{@code
 * try (Harness falcon = Harness.builder()
 *         .credentials(Credentials.fromEnvironment())
 *         .cloud("us-2")
 *         .build()) {
 *     ApiResponse roles = falcon.command("GetRoles", Map.of("ids", List.of("falcon_admin")));
 *     ApiResponse created = falcon.command("CreateUser", Map.of(), Map.of("uid", "ana@example.com"));
 * }
 * }</pre>
 *
 * <p>Defaults: the built-in Falcon manifest, cloud {@code auto} (us-1 with region discovery), 10 s to
 * connect, 60 s per request. Thread-safe: share one harness across threads; it holds one pooled HTTP
 * client and one token. {@link #close()} revokes the token it obtained.
 */
public final class Harness implements AutoCloseable {
    /** Batches in flight at once: enough to hide latency, few enough to stay friendly to rate limits. */
    private static final int BATCH_PARALLELISM = 4;

    private final HarnessCore core;
    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final boolean owner;
    private final List<Stage> stages;
    private final List<Stage> blockingStages;

    private Harness(HarnessCore core, RetryPolicy retryPolicy, Duration timeout, boolean owner) {
        this.core = core;
        this.retryPolicy = retryPolicy;
        this.timeout = timeout;
        this.owner = owner;
        this.stages = core.stages(retryPolicy, false);
        this.blockingStages = core.stages(retryPolicy, true);
    }

    static Harness create(HarnessCore core, RetryPolicy retryPolicy) {
        return new Harness(core, retryPolicy, null, true);
    }

    /** A builder with the defaults above. */
    public static HarnessBuilder builder() {
        return new HarnessBuilder();
    }

    /** Calls an operation that takes no arguments. */
    public ApiResponse command(String operationId) {
        return command(operationId, Map.of(), null);
    }

    /** Calls an operation with arguments routed by the manifest (query, path, header, formData). */
    public ApiResponse command(String operationId, Map<String, ?> params) {
        return command(operationId, params, null);
    }

    /**
     * Calls an operation.
     *
     * @param params arguments by parameter name; arrays as lists or comma-separated strings
     * @param body   the JSON body as a Map, Jackson node, POJO or JSON string; or a {@code byte[]} or
     *               {@code Path} sent as {@code application/octet-stream}; null for none
     * @throws UnknownOperationException if the manifest has no such operation (with the closest IDs)
     * @throws ValidationException       listing every problem with the arguments; nothing was sent
     * @throws AuthenticationException   if no token could be obtained; the call was not sent
     * @throws NetworkException          if the request or response was lost on the network
     */
    public ApiResponse command(String operationId, Map<String, ?> params, Object body) {
        return send(core.factory().prepare(operationId, params, body));
    }

    /**
     * Sends a request the manifest does not describe, with the same authentication and decoding: every
     * parameter goes in the query, the body is JSON (or raw bytes).
     */
    public ApiResponse request(String method, String path, Map<String, ?> params, Object body) {
        return send(core.factory().raw(method, path, params, body));
    }

    /**
     * Builds and validates the request for an operation without sending it (for dry runs and tests).
     * The base URL is the current one; authentication headers are added only when it is sent.
     */
    public PreparedRequest prepare(String operationId, Map<String, ?> params, Object body) {
        PreparedRequest request = core.factory().prepare(operationId, params, body).withBaseUrl(core.endpoint().baseUrl());
        return core.withDefaultHeaders(timeout == null ? request : request.withTimeout(timeout));
    }

    /** Sends an already built request through retries, rate limiting, authentication and the transport. */
    public ApiResponse send(PreparedRequest request) {
        PreparedRequest timed = timed(request);
        try {
            // The caller waits anyway, so the answer is awaited on its thread: no hand-off to another.
            return new ApiResponse(StageChain.send(blockingStages, timed), core.mapper(), core.factory().manifest());
        } catch (IOException e) {
            throw network(timed, e);
        }
    }

    /**
     * Calls an operation without blocking: validation happens now (a bad call fails the returned future
     * at once, nothing sent); the request then travels on the JDK client's asynchronous path. Many
     * calls in flight share one token and one rate-limit state.
     *
     * <pre>{@code
     * List<CompletableFuture<ApiResponse>> calls = ids.stream()
     *         .map(id -> falcon.commandAsync("RetrieveUser", Map.of("ids", id), null)).toList();
     * }</pre>
     *
     * @return a future failed with {@link ValidationException}, {@link AuthenticationException} or
     *         {@link NetworkException} where {@link #command} would throw them
     */
    public CompletableFuture<ApiResponse> commandAsync(String operationId, Map<String, ?> params, Object body) {
        PreparedRequest request;
        try {
            request = core.factory().prepare(operationId, params, body);
        } catch (ValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sendAsync(request);
    }

    /** {@link #send} without blocking; see {@link #commandAsync}. */
    public CompletableFuture<ApiResponse> sendAsync(PreparedRequest request) {
        PreparedRequest timed;
        try {
            timed = timed(request);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        return StageChain.run(stages, timed).handle((raw, failure) -> {
            if (failure == null) {
                return new ApiResponse(raw, core.mapper(), core.factory().manifest());
            }
            Throwable cause = StageChain.unwrap(failure);
            throw new CompletionException(cause instanceof IOException io ? network(timed, io) : cause);
        });
    }

    private PreparedRequest timed(PreparedRequest request) {
        if (core.isClosed()) {
            throw new IllegalStateException("this harness is closed");
        }
        return timeout == null || request.timeout() != null ? request : request.withTimeout(timeout);
    }

    /**
     * A view of this harness whose calls may each take up to {@code perRequest}; it shares the token,
     * rate-limit state and connections, and closing it does nothing.
     */
    public Harness withTimeout(Duration perRequest) {
        if (perRequest == null || perRequest.isNegative() || perRequest.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + perRequest);
        }
        return new Harness(core, retryPolicy, perRequest, false);
    }

    /** A view of this harness that retries by {@code policy}; shares everything else, like {@link #withTimeout}. */
    public Harness withRetryPolicy(RetryPolicy policy) {
        return new Harness(core, java.util.Objects.requireNonNull(policy, "policy"), timeout, false);
    }

    /**
     * Every record of a paged operation, fetched lazily page by page; see {@link Paginator}.
     *
     * <pre>{@code
     * List<String> uuids = falcon.paginate("queryUserV1", Map.of()).stream().map(JsonNode::asText).toList();
     * }</pre>
     */
    public Paginator paginate(String operationId, Map<String, ?> params) {
        return paginate(operationId, params, null);
    }

    /** As {@link #paginate(String, Map)}, for operations that take a body (and may page inside it). */
    public Paginator paginate(String operationId, Map<String, ?> params, Object body) {
        return new Paginator(this, operation(operationId), params, body);
    }

    /**
     * Calls an operation whose ids do not fit one request: splits them into batches (by the parameter's
     * {@code maxItems} and by URL length), sends up to four at once, and merges the answers. The result
     * lists any batch that failed.
     */
    public BatchResult commandBatched(String operationId, Map<String, ?> params, Object body) {
        return new IdBatcher(this, BATCH_PARALLELISM).run(operationId, params, body);
    }

    /**
     * Pages through a query operation's ids and streams the matching entities, fetched in batches with a
     * details operation: {@code queryThenDetails("QueryDevicesByFilterScroll", Map.of(), "GetDeviceDetailsV2")}.
     */
    public Stream<JsonNode> queryThenDetails(String queryOperationId, Map<String, ?> queryParams, String detailsOperationId) {
        return QueryThenDetails.stream(this, paginate(queryOperationId, queryParams), detailsOperationId, BATCH_PARALLELISM);
    }

    /** The operation with this ID, or an {@link UnknownOperationException} naming the closest IDs. */
    public Operation operation(String operationId) {
        return core.factory().operation(operationId);
    }

    public Manifest manifest() {
        return core.factory().manifest();
    }

    /** The base URL calls go to now (region discovery may have moved it). */
    public String baseUrl() {
        return core.endpoint().baseUrl();
    }

    /** The {@code User-Agent} this harness sends. */
    public String userAgent() {
        return core.userAgent();
    }

    /** The JSON mapper used for bodies and responses. */
    public ObjectMapper mapper() {
        return core.mapper();
    }

    /** The retry policy of this harness's calls. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Revokes the token this harness obtained, if any; later calls fail. Idempotent. Views made by
     * {@link #withTimeout} or {@link #withRetryPolicy} leave this to the harness they came from.
     */
    @Override
    public void close() {
        if (owner) {
            core.close();
        }
    }

    @Override
    public String toString() {
        return "Harness{" + core + "}";
    }

    private NetworkException network(PreparedRequest sent, IOException e) {
        PreparedRequest request = sent.baseUrl() != null ? sent : sent.withBaseUrl(core.endpoint().baseUrl());
        boolean timeout = e instanceof HttpTimeoutException;
        String what = request.operationId() != null ? request.operationId() + " (" + request.method() + " "
                + request.redactedUrl() + ")" : request.method() + " " + request.redactedUrl();
        String why = timeout ? "timed out" : "failed: " + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + e.getMessage() : "");
        return new NetworkException(what + " " + why, e, timeout);
    }
}
