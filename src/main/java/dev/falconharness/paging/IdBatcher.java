package dev.falconharness.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.http.PercentEncoder;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.request.ArrayArguments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

/**
 * Splits a call that carries more ids than one request can into batches, sends them with a few in
 * flight at once, and merges the answers into a {@link BatchResult}. The ids are the {@code ids} query
 * array (or another array parameter over its {@code maxItems}), or the {@code ids} array of a JSON body.
 * A batch holds at most the parameter's {@code maxItems} (500 when the manifest gives none) and, in a
 * query, at most about {@value #MAX_QUERY_CHARS} characters of encoded ids, since Falcon limits URL length.
 * Thread-safe; stateless apart from its settings.
 */
public final class IdBatcher {
    /** PSFalcon's batch size, used where the manifest names no maximum. */
    static final int DEFAULT_BATCH = 500;
    /** Room for the ids in one URL, well inside the limits of Falcon's front end. */
    static final int MAX_QUERY_CHARS = 6_000;

    private final Caller caller;
    private final int parallelism;

    public IdBatcher(Caller caller, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.caller = caller;
        this.parallelism = parallelism;
    }

    /** Calls {@code operationId} once per batch of ids; see the class description. */
    public BatchResult run(String operationId, Map<String, ?> params, Object body) {
        Operation op = caller.operation(operationId);
        Map<String, Object> args = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
        Parameter queryIds = idParameter(op, args);
        if (queryIds != null) {
            List<String> ids = ArrayArguments.strings(args.get(queryIds.name()));
            return send(batches(ids, limit(queryIds), true), batch -> {
                Map<String, Object> copy = new LinkedHashMap<>(args);
                copy.put(queryIds.name(), batch);
                return caller.commandAsync(op.id(), copy, body);
            });
        }
        JsonNode json = body == null ? null : caller.mapper().valueToTree(body);
        if (json instanceof ObjectNode object && object.path("ids").isArray()) {
            List<String> ids = new ArrayList<>();
            object.get("ids").forEach(id -> ids.add(id.asText()));
            return send(batches(ids, DEFAULT_BATCH, false), batch -> {
                ObjectNode copy = object.deepCopy();
                ArrayNode array = copy.putArray("ids");
                batch.forEach(array::add);
                return caller.commandAsync(op.id(), args, copy);
            });
        }
        ApiResponse single = caller.command(op.id(), args, body);
        return merge(List.of(List.of()), List.of(CompletableFuture.completedFuture(single)));
    }

    /** The array parameter holding the ids: {@code ids}, or any array given more values than it allows. */
    private static Parameter idParameter(Operation op, Map<String, Object> args) {
        Parameter ids = op.parameter("ids");
        if (ids != null && ids.location() == Location.QUERY && ids.type() == ParamType.ARRAY && args.get("ids") != null) {
            return ids;
        }
        for (Parameter p : op.parameters()) {
            if (p.location() == Location.QUERY && p.type() == ParamType.ARRAY && p.maxItems() != null
                    && args.get(p.name()) != null && ArrayArguments.strings(args.get(p.name())).size() > p.maxItems()) {
                return p;
            }
        }
        return null;
    }

    private static int limit(Parameter p) {
        return p.maxItems() != null ? p.maxItems() : DEFAULT_BATCH;
    }

    /** Consecutive slices of at most {@code max} ids and, for a query, at most MAX_QUERY_CHARS encoded characters. */
    static List<List<String>> batches(List<String> ids, int max, boolean inQuery) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int chars = 0;
        for (String id : ids) {
            int cost = inQuery ? PercentEncoder.encode(id).length() + 5 : 0;
            if (!current.isEmpty() && (current.size() == max || chars + cost > MAX_QUERY_CHARS)) {
                batches.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(id);
            chars += cost;
        }
        if (!current.isEmpty() || batches.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private interface BatchCall {
        CompletableFuture<ApiResponse> call(List<String> batch);
    }

    private BatchResult send(List<List<String>> batches, BatchCall call) {
        Semaphore inFlight = new Semaphore(parallelism);
        List<CompletableFuture<ApiResponse>> futures = new ArrayList<>(batches.size());
        for (List<String> batch : batches) {
            inFlight.acquireUninterruptibly();
            futures.add(call.call(batch).whenComplete((response, failure) -> inFlight.release()));
        }
        return merge(batches, futures);
    }

    private static BatchResult merge(List<List<String>> batches, List<CompletableFuture<ApiResponse>> futures) {
        List<ApiResponse> responses = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                ApiResponse response = futures.get(i).join();
                responses.add(response);
                if (!response.isSuccessful()) {
                    failures.add(new BatchResult.Failure(i, batches.get(i), response, null));
                }
            } catch (RuntimeException e) {
                failures.add(new BatchResult.Failure(i, batches.get(i), null, unwrap(e)));
            }
        }
        return new BatchResult(responses, failures, futures.size());
    }

    /** The failure itself rather than the CompletionException that join() wraps it in. */
    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
