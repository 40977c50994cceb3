package dev.falconharness.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The merged outcome of one call split into batches of ids: every batch's resources and errors in batch
 * order, and the batches that failed, so a partial result is never mistaken for a whole one. Immutable.
 *
 * @param responses the answers of the batches that got one, in batch order
 * @param failures  the batches that failed (non-2xx or no answer)
 * @param batches   how many batches were sent
 */
public record BatchResult(List<ApiResponse> responses, List<Failure> failures, int batches) {

    public BatchResult {
        responses = List.copyOf(responses);
        failures = List.copyOf(failures);
    }

    /**
     * One batch that failed.
     *
     * @param index    its position, from 0
     * @param ids      the ids it carried
     * @param response the non-2xx answer, or null when there was none
     * @param error    the exception when there was no answer, or null
     */
    public record Failure(int index, List<String> ids, ApiResponse response, Throwable error) {
        public Failure {
            ids = List.copyOf(ids);
        }

        @Override
        public String toString() {
            return "batch " + index + " (" + ids.size() + " ids): "
                    + (response != null ? "HTTP " + response.statusCode() + " " + response.errors() : String.valueOf(error));
        }
    }

    /** True when every batch succeeded. */
    public boolean isComplete() {
        return failures.isEmpty();
    }

    /** The resources of every successful batch, in order. */
    public List<JsonNode> resources() {
        List<JsonNode> all = new ArrayList<>();
        for (ApiResponse response : responses) {
            if (response.isSuccessful()) {
                all.addAll(response.resources());
            }
        }
        return all;
    }

    /** The envelope errors of every batch, in order (a 2xx multi-id answer may list ids it did not find). */
    public List<ApiResponse.ApiError> errors() {
        List<ApiResponse.ApiError> all = new ArrayList<>();
        for (ApiResponse response : responses) {
            all.addAll(response.errors());
        }
        return all;
    }
}
