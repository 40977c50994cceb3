package dev.falconharness.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.Harness;
import dev.falconharness.ValidationException;
import dev.falconharness.testing.MockFalcon;
import dev.falconharness.testing.TestManifests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mistakes in what paging is given are ValidationExceptions, found before anything is sent. */
class PagingInputTest {

    @Test
    void aDetailsOperationThatTakesNoIdsIsAValidationError() {
        try (MockFalcon falcon = new MockFalcon(); Harness harness = falcon.harness()) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> harness.queryThenDetails("queryUserV1", Map.of(), "GetCSPMPolicySettings"));
            assertTrue(e.getMessage().contains("GetCSPMPolicySettings takes no ids"), e.getMessage());
            assertEquals(0, falcon.requestCount());
        }
    }

    @Test
    void aLimitMaximumBeyondAnIntAsksForTheLargestIntNotANegativePage() {
        try (MockFalcon falcon = new MockFalcon()) {
            FakePagedApi api = new FakePagedApi(request -> FakePagedApi.page("x", 0, 2, "{}"));
            falcon.server().setDispatcher(api);
            try (Harness harness = falcon.builder().manifest(TestManifests.fromJson("{'operations': [{'id': 'ListThings',"
                    + " 'method': 'GET', 'path': '/things', 'parameters': [{'name': 'offset', 'in': 'query', 'type': 'integer'},"
                    + " {'name': 'limit', 'in': 'query', 'type': 'integer', 'maximum': 1e12}]}]}")).build()) {
                assertEquals(2, harness.paginate("ListThings", Map.of()).stream().count());
                assertEquals("/things?offset=0&limit=10000", api.calls.get(0));
            }
        }
    }
}
