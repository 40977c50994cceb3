package dev.falconharness.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconharness.manifest.Manifest;
import org.junit.jupiter.api.Test;

/** The paging style of the built-in operations, from their parameters and body schemas. */
class PageStyleTest {
    private final Manifest falcon = Manifest.falcon();

    private PageStyle style(String operationId, boolean jsonBody) {
        return PageStyle.of(falcon.operation(operationId), jsonBody);
    }

    @Test
    void queryParametersDecideForQueryOperations() {
        assertEquals(PageStyle.OFFSET, style("QueryDevicesByFilter", false));
        assertEquals(PageStyle.SCROLL, style("QueryDevicesByFilterScroll", false));
        assertEquals(PageStyle.OFFSET, style("indicator_search_v1", false), "offset first; an answer's after takes over");
    }

    @Test
    void theBodySchemaDecidesForBodyOperations() {
        assertEquals(PageStyle.BODY_AFTER, style("PostCombinedAlertsV1", true));
        assertEquals(PageStyle.SINGLE, style("PostEntitiesAlertsV2", true), "a body without paging fields is one request");
        assertEquals(PageStyle.SINGLE, style("PostCombinedAlertsV1", false), "no JSON object to put the cursor in");
    }
}
