package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Corrections to {@code required} lists of Falcon's published schemas that would refuse the bodies the
 * API takes. The spec is generated from Go types and lists every field without {@code omitempty} as
 * required; where that contradicts how the API is called, checking it would stop valid requests before
 * they leave. Each correction names the definitions it touches and why; all only loosen.
 * <ul>
 *   <li><b>Aggregation requests</b> ({@code msa.AggregateQueryRequest}, {@code fwmgr.msa.AggregateQueryRequest},
 *       {@code api.MSAAggregateQueryRequest}, {@code detectsapi.AggregateAlertQueryRequest}; 53 operations):
 *       the spec requires all 8 to 18 fields ({@code date_ranges}, {@code sub_aggregates}, {@code percents}...),
 *       though each aggregation type reads only its own ({@code terms} a field and a size, {@code date_range}
 *       its ranges) and the SDKs send only those. Only {@code type} stays required.</li>
 *   <li><b>Indicator updates</b> ({@code api.IndicatorUpdateReqsV1}): the spec requires both
 *       {@code indicators} (an update by ID) and {@code bulk_update} (an update by filter), which are
 *       alternatives. Neither stays required.</li>
 * </ul>
 */
final class FalconCorrections {
    /** The definitions whose {@code required} is cut down, to the names kept. */
    static final Map<String, Set<String>> KEPT_REQUIREMENTS = Map.of(
            "msa.AggregateQueryRequest", Set.of("type"),
            "fwmgr.msa.AggregateQueryRequest", Set.of("type"),
            "api.MSAAggregateQueryRequest", Set.of("type"),
            "detectsapi.AggregateAlertQueryRequest", Set.of("type"),
            "api.IndicatorUpdateReqsV1", Set.of());

    private FalconCorrections() {
    }

    /** Applies every correction to {@code definitions} in place; a definition that is absent is skipped. */
    static ObjectNode apply(ObjectNode definitions) {
        KEPT_REQUIREMENTS.forEach((name, kept) -> {
            JsonNode definition = definitions.get(name);
            if (definition instanceof ObjectNode object && object.get("required") instanceof ArrayNode required) {
                ArrayNode narrowed = JsonNodeFactory.instance.arrayNode();
                for (Iterator<JsonNode> it = required.elements(); it.hasNext();) {
                    JsonNode field = it.next();
                    if (kept.contains(field.asText())) {
                        narrowed.add(field);
                    }
                }
                if (narrowed.isEmpty()) {
                    object.remove("required");
                } else {
                    object.set("required", narrowed);
                }
            }
        });
        return definitions;
    }
}
