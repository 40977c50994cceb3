package dev.falconharness.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.PaginationException;
import dev.falconharness.ValidationException;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * "List everything, then fetch the details" in one stream: pages through a query operation that returns
 * ids, and for each page fetches the matching entities in batches, streaming the entity records
 * ({@code QueryDevicesByFilterScroll} then {@code GetDeviceDetailsV2}; {@code queryUserV1} then
 * {@code retrieveUsersGETV1}). The details operation takes the ids as its {@code ids} query array, or as
 * {@code {"ids": [...]}} in its JSON body. Lazy: one page of ids is in memory at a time.
 */
public final class QueryThenDetails {
    private QueryThenDetails() {
    }

    /**
     * @throws ValidationException if the details operation takes no ids
     * @throws PaginationException from the stream if a query page or a details batch fails
     */
    public static Stream<JsonNode> stream(Caller caller, Paginator query, String detailsOperationId, int parallelism) {
        Operation details = caller.operation(detailsOperationId);
        boolean idsInQuery = PageStyle.query(details, "ids") != null;
        if (!idsInQuery && !details.has(Location.BODY)) {
            throw new ValidationException(detailsOperationId, List.of(new ValidationException.Problem(null, null,
                    detailsOperationId + " takes no ids (neither an ids query parameter nor a body); give a details"
                            + " operation that fetches entities by id")));
        }
        IdBatcher batcher = new IdBatcher(caller, parallelism);
        long[] delivered = {0};
        int[] pages = {0};
        return query.pages().flatMap(page -> {
            pages[0]++;
            List<String> ids = ids(page);
            if (ids.isEmpty()) {
                return Stream.empty();
            }
            BatchResult result = idsInQuery ? batcher.run(detailsOperationId, Map.of("ids", ids), null)
                    : batcher.run(detailsOperationId, Map.of(), Map.of("ids", ids));
            if (!result.isComplete()) {
                throw new PaginationException("fetching " + detailsOperationId + " for page " + pages[0] + " failed after "
                        + delivered[0] + " records: " + result.failures(), pages[0] - 1, delivered[0],
                        result.failures().get(0).response(), result.failures().get(0).error());
            }
            List<JsonNode> records = result.resources();
            delivered[0] += records.size();
            return records.stream();
        });
    }

    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : page.body().path("resources")) {
            ids.add(id.asText());
        }
        return ids;
    }
}
