package dev.falconharness.engine;

import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import java.io.IOException;
import java.util.List;

/**
 * Runs a request through a list of stages on the current thread; the last stage must answer without
 * proceeding (the transport). A chain is a list, an index and the call, made anew for each step, so it
 * is cheap and confined to the thread that runs the call.
 */
public final class StageChain implements Stage.Chain {
    private final List<Stage> stages;
    private final int index;
    private final PreparedRequest request;
    private final Call call;

    private StageChain(List<Stage> stages, int index, PreparedRequest request, Call call) {
        this.stages = stages;
        this.index = index;
        this.request = request;
        this.call = call;
    }

    /**
     * Sends {@code request} through {@code stages}, first stage first, and returns the answer. Network
     * failures are thrown as the {@link IOException} they are; other failures as they are.
     */
    public static RawResponse send(List<Stage> stages, PreparedRequest request, Call call) throws IOException {
        return new StageChain(stages, 0, request, call).proceed(request);
    }

    @Override
    public PreparedRequest request() {
        return request;
    }

    @Override
    public Call call() {
        return call;
    }

    @Override
    public RawResponse proceed(PreparedRequest next) throws IOException {
        if (index >= stages.size()) {
            throw new IllegalStateException("the last stage must send the request, not proceed");
        }
        return stages.get(index).intercept(new StageChain(stages, index + 1, next, call));
    }
}
