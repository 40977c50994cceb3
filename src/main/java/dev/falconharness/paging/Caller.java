package dev.falconharness.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.ApiResponse;
import dev.falconharness.manifest.Operation;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What paging and id batching need from whatever sends calls: look up an operation, call it (blocking or
 * not), and turn a body into JSON the same way a call would. {@link dev.falconharness.Harness} is one;
 * depending on this small interface instead of the harness keeps the paging package from reaching back
 * into the engine that uses it, and lets tests page over a hand-written fake.
 *
 * <pre>{@code
 * Paginator users = new Paginator(harness, harness.operation("queryUserV1"), Map.of(), null);
 * }</pre>
 *
 * <p>Implementations must be thread-safe: {@link IdBatcher} has several calls in flight at once.
 */
public interface Caller {
    /**
     * The operation with this ID.
     *
     * @throws dev.falconharness.UnknownOperationException if there is none
     */
    Operation operation(String operationId);

    /**
     * Calls an operation and waits for the answer; a non-2xx answer is returned, not thrown.
     *
     * @throws dev.falconharness.FalconHarnessException if the call could not be made or completed
     */
    ApiResponse command(String operationId, Map<String, ?> params, Object body);

    /** {@link #command} without blocking: failures complete the future exceptionally. */
    CompletableFuture<ApiResponse> commandAsync(String operationId, Map<String, ?> params, Object body);

    /** The mapper calls use to write bodies, so a body read here is the body that would be sent. */
    ObjectMapper mapper();
}
