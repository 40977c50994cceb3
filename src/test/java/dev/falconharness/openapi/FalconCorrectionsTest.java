package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec's over-stated requirements are loosened, and the bodies the API takes pass the body check. */
class FalconCorrectionsTest {
    @Test
    void anAggregationRequestKeepsOnlyTypeRequiredAndOtherDefinitionsAreLeftAlone() throws Exception {
        ObjectNode definitions = (ObjectNode) new ObjectMapper().readTree("""
                {"msa.AggregateQueryRequest": {"type": "object", "required": ["date_ranges", "field", "name", "type"]},
                 "api.IndicatorUpdateReqsV1": {"type": "object", "required": ["bulk_update", "indicators"]},
                 "domain.UserCreateRequest": {"type": "object", "required": ["uid"]}}
                """);
        FalconCorrections.apply(definitions);
        assertEquals("[\"type\"]", definitions.get("msa.AggregateQueryRequest").get("required").toString());
        assertFalse(definitions.get("api.IndicatorUpdateReqsV1").has("required"));
        assertEquals("[\"uid\"]", definitions.get("domain.UserCreateRequest").get("required").toString());
    }

    @Test
    void theBuiltInManifestTakesTheAggregationAndUpdateBodiesTheSdksSend() {
        try (Harness falcon = Harness.builder().baseUrl("http://127.0.0.1:9").credentials(Credentials.of("id", "secret")).build()) {
            List<Map<String, Object>> terms = List.of(Map.of("name", "by_status", "type", "terms", "field", "status"));
            for (String op : List.of("PostAggregatesAlertsV2", "GetAggregateDetects", "indicator_aggregate_v1")) {
                Object body = op.equals("indicator_aggregate_v1") ? terms.get(0) : terms;
                falcon.prepare(op, Map.of(), body);
            }
            falcon.prepare("indicator_update_v1", Map.of(), Map.of("indicators",
                    List.of(Map.of("id", "a".repeat(64), "severity", "high"))));
            ValidationException typeless = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                    () -> falcon.prepare("PostAggregatesAlertsV2", Map.of(), List.of(Map.of("field", "status"))));
            assertEquals(1, typeless.problems().size(), typeless.getMessage());
        }
    }
}
