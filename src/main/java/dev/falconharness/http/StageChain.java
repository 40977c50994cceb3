package dev.falconharness.http;

import java.io.IOException;
import java.util.List;

/**
 * Runs a request through a list of stages; the last stage must answer without proceeding (the
 * transport). A chain is a list and an index, made anew for each step, so it is cheap and
 * thread-confined.
 */
public final class StageChain implements Stage.Chain {
    private final List<Stage> stages;
    private final int index;
    private final PreparedRequest request;

    private StageChain(List<Stage> stages, int index, PreparedRequest request) {
        this.stages = stages;
        this.index = index;
        this.request = request;
    }

    /** Sends {@code request} through {@code stages}, first stage first. */
    public static RawResponse run(List<Stage> stages, PreparedRequest request) throws IOException {
        return new StageChain(stages, 0, request).proceed(request);
    }

    @Override
    public PreparedRequest request() {
        return request;
    }

    @Override
    public RawResponse proceed(PreparedRequest next) throws IOException {
        if (index >= stages.size()) {
            throw new IllegalStateException("the last stage must send the request, not proceed");
        }
        return stages.get(index).intercept(new StageChain(stages, index + 1, next));
    }
}
