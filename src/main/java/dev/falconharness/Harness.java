package dev.falconharness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.engine.BodySink;
import dev.falconharness.engine.Stage;
import dev.falconharness.engine.TokenUnavailableException;
import dev.falconharness.engine.UnsendableHeaderException;
import dev.falconharness.http.Headers;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.paging.BatchResult;
import dev.falconharness.paging.Caller;
import dev.falconharness.paging.IdBatcher;
import dev.falconharness.paging.Paginator;
import dev.falconharness.paging.QueryThenDetails;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * connect, 60 s per attempt. Thread-safe: share one harness across threads; it holds one pooled HTTP
 * client and one token. {@link #close()} revokes the token it obtained.
 *
 * <p>Threads: {@link #command} runs the whole call (token request, retries and their waits included) on
 * the calling thread. {@link #commandAsync} validates on the calling thread and runs the same stages on
 * the harness's executor (its own pool of at most 64 daemon threads unless
 * {@link HarnessBuilder#executor} names another); a call waiting for a token that is being fetched holds
 * no thread.
 */
public final class Harness implements AutoCloseable, Caller {
    /** Batches in flight at once: enough to hide latency, few enough to stay friendly to rate limits. */
    private static final int BATCH_PARALLELISM = 4;

    private final HarnessCore core;
    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final boolean owner;
    private final List<Stage> stages;

    private Harness(HarnessCore core, RetryPolicy retryPolicy, Duration timeout, boolean owner) {
        this.core = core;
        this.retryPolicy = retryPolicy;
        this.timeout = timeout;
        this.owner = owner;
        this.stages = core.stages(retryPolicy);
    }

    static Harness create(HarnessCore core, RetryPolicy retryPolicy, Duration callTimeout) {
        return new Harness(core, retryPolicy, callTimeout, true);
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
     * @throws NetworkException          if the request or response was lost on the network, or the call's
     *                                   time ran out
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

    /**
     * Sends an already built request through retries, rate limiting, authentication and the transport,
     * on the calling thread.
     */
    public ApiResponse send(PreparedRequest request) {
        PreparedRequest timed = timed(request);
        try {
            return core.response(core.send(stages, timed));
        } catch (IOException e) {
            throw failure(timed, e);
        }
    }

    /**
     * Calls an operation without blocking: validation happens now (a bad call fails the returned future
     * at once, nothing sent); the call then runs on the harness's executor, through the same stages as
     * {@link #command}. Many calls in flight share one token and one rate-limit state.
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
        } catch (FalconHarnessException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sendAsync(request);
    }

    /** {@link #send} without blocking; see {@link #commandAsync}. */
    public CompletableFuture<ApiResponse> sendAsync(PreparedRequest request) {
        PreparedRequest timed;
        try {
            timed = timed(request);
        } catch (IllegalStateException | ValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return core.sendAsync(stages, timed).handle((raw, failure) -> {
            if (failure == null) {
                return core.response(raw);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            throw new CompletionException(cause instanceof IOException io ? failure(timed, io) : cause);
        });
    }

    private PreparedRequest timed(PreparedRequest request) {
        if (core.isClosed()) {
            throw new IllegalStateException("this harness is closed");
        }
        checkHeaders(request);
        return timeout == null || request.timeout() != null ? request : request.withTimeout(timeout);
    }

    /**
     * Calls an operation and streams a successful answer's body into {@code target}, in constant memory
     * whatever its size (sensor installers, samples, RTR files, report exports). The file is written
     * beside {@code target} under a temporary name and moved into place when complete, so a failed or
     * cut-off download leaves nothing behind; an existing file is replaced only then. An error answer is
     * returned as usual, its body buffered (it is a small envelope), and {@code target} is not touched.
     *
     * <pre>{@code
     * ApiResponse saved = falcon.download("DownloadSensorInstallerById", Map.of("id", sha256), Path.of("sensor.msi"));
     * saved.orThrow();   // the file is in place when this returns a 2xx
     * }</pre>
     *
     * @return the answer: for a 2xx its status and headers, with an empty body (the body is in the file)
     * @throws ValidationException if the arguments do not fit, or {@code target}'s directory does not
     *                             exist or cannot be written; nothing is sent then
     */
    public ApiResponse download(String operationId, Map<String, ?> params, Path target) {
        return download(operationId, params, null, target);
    }

    /** As {@link #download(String, Map, Path)}, for operations that take a body (report exports). */
    public ApiResponse download(String operationId, Map<String, ?> params, Object body, Path target) {
        PreparedRequest request = core.factory().prepare(operationId, params, body);
        Path directory = Objects.requireNonNull(target, "target").toAbsolutePath().getParent();
        if (directory == null || !java.nio.file.Files.isDirectory(directory) || !java.nio.file.Files.isWritable(directory)) {
            throw new ValidationException(operationId, List.of(new ValidationException.Problem(null, null,
                    "cannot save the answer to " + target + ": " + (directory != null && java.nio.file.Files.isDirectory(directory)
                            ? "the directory is not writable" : "no such directory") + "; nothing was sent")));
        }
        PreparedRequest timed = timed(request);
        BodySink sink = BodySink.toFile(target, core.listener());
        try {
            ApiResponse response = core.response(core.send(stages, timed, sink));
            if (response.isSuccessful()) {
                sink.commit();
            }
            return response;
        } catch (BodySink.LocalWriteException e) {
            throw new DownloadException(operationId + " answered, but " + e.getMessage(), e);
        } catch (IOException e) {
            throw failure(timed, e);
        } finally {
            sink.discard();
        }
    }

    /**
     * Calls an operation and hands a successful answer's body to the caller unread, to stream in constant
     * memory (to a socket, a hash, an archive reader). Retries cover getting the answer's head; once the
     * body is flowing, it is the caller's to read. See {@link Download}.
     */
    public Download openDownload(String operationId, Map<String, ?> params) {
        PreparedRequest timed = timed(core.factory().prepare(operationId, params, null));
        BodySink sink = BodySink.toStream();
        try {
            ApiResponse response = core.response(core.send(stages, timed, sink));
            return new Download(response, sink.stream() == null ? null : core.idleLimited(sink.stream()));
        } catch (IOException e) {
            throw failure(timed, e);
        }
    }

    /**
     * A view of this harness whose calls may each take up to {@code perRequest} in all: the token request,
     * every attempt and every wait between attempts. It shares the token, rate-limit state and connections
     * (and nothing else), and closing it does nothing.
     */
    public Harness withTimeout(Duration perRequest) {
        if (perRequest == null || perRequest.isNegative() || perRequest.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + perRequest);
        }
        return new Harness(core, retryPolicy, perRequest, false);
    }

    /** A view of this harness that retries by {@code policy}; shares everything else, like {@link #withTimeout}. */
    public Harness withRetryPolicy(RetryPolicy policy) {
        return new Harness(core, Objects.requireNonNull(policy, "policy"), timeout, false);
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

    /**
     * Refuses the caller's header values that HTTP cannot carry before anything is sent, a token request
     * included; the transport checks again every header the stages add. Names the header, never the value.
     */
    private static void checkHeaders(PreparedRequest request) {
        List<ValidationException.Problem> problems = new java.util.ArrayList<>(0);
        for (int i = 0; i < request.headers().size(); i++) {
            String problem = Headers.valueProblem(request.headers().value(i));
            if (problem != null) {
                problems.add(new ValidationException.Problem(request.headers().name(i), "header", problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(request.operationId(), problems);
        }
    }

    /**
     * What the caller is given for a call that failed on the way: a token endpoint that kept refusing is
     * an {@link AuthenticationException}; anything lost on the network a {@link NetworkException}.
     */
    private RuntimeException failure(PreparedRequest sent, IOException e) {
        if (e instanceof UnsendableHeaderException header) {
            return new ValidationException(sent.operationId(), List.of(new ValidationException.Problem(header.header(),
                    "header", header.getMessage().substring(header.header().length() + 2))));
        }
        if (e instanceof dev.falconharness.engine.BodyTooLargeException tooLarge) {
            return new ResponseTooLargeException(describe(sent) + ": " + tooLarge.getMessage()
                    + "; stream it with Harness.download(...) (falcon --output FILE), or raise maxBufferedBody(...)",
                    tooLarge.limit(), tooLarge);
        }
        if (e instanceof TokenUnavailableException token) {
            if (token.finalFailure() != null) {
                return token.finalFailure();
            }
            return network(sent, token.networkCause() != null ? token.networkCause() : e, "the token request ");
        }
        return network(sent, e, "");
    }

    private String describe(PreparedRequest sent) {
        PreparedRequest request = sent.baseUrl() != null ? sent : sent.withBaseUrl(core.endpoint().baseUrl());
        return request.operationId() != null ? request.operationId() + " (" + request.method() + " "
                + request.redactedUrl() + ")" : request.method() + " " + request.redactedUrl();
    }

    private NetworkException network(PreparedRequest sent, IOException e, String step) {
        boolean timeout = e instanceof HttpTimeoutException;
        String what = describe(sent);
        String why = timeout ? step + "timed out" : step + "failed: " + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + e.getMessage() : "");
        return new NetworkException(what + " " + why, e, timeout);
    }
}
