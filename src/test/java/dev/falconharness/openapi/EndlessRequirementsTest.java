package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A required property that can only be satisfied by an endless body is dropped from required. */
class EndlessRequirementsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aRequiredSelfReferenceIsDroppedAndTheOtherRequirementsStay() throws Exception {
        ObjectNode definitions = (ObjectNode) MAPPER.readTree("""
                {"v2.Model": {"type": "object", "required": ["parent", "trigger"],
                              "properties": {"parent": {"$ref": "#/definitions/v2.Model"},
                                             "trigger": {"$ref": "#/definitions/v2.Trigger"}}},
                 "v2.Trigger": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}
                """);
        SchemaSubset.withoutEndlessRequirements(definitions);
        assertEquals("[\"trigger\"]", definitions.get("v2.Model").get("required").toString());
        assertEquals("[\"name\"]", definitions.get("v2.Trigger").get("required").toString());
    }

    @Test
    void aRequiredCycleThroughTwoDefinitionsIsBrokenAndAnOptionalOneIsLeftAlone() throws Exception {
        ObjectNode definitions = (ObjectNode) MAPPER.readTree("""
                {"A": {"type": "object", "required": ["b"], "properties": {"b": {"$ref": "#/definitions/B"}}},
                 "B": {"type": "object", "required": ["a"], "properties": {"a": {"$ref": "#/definitions/A"}}},
                 "Tree": {"type": "object", "properties": {"child": {"$ref": "#/definitions/Tree"}}}}
                """);
        SchemaSubset.withoutEndlessRequirements(definitions);
        assertEquals("[]", definitions.get("A").get("required").toString());
        assertEquals("[\"a\"]", definitions.get("B").get("required").toString(), "one broken edge ends the cycle");
        assertEquals(null, definitions.get("Tree").get("required"));
    }
}
