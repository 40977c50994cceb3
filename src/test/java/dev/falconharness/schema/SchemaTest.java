package dev.falconharness.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema subset on its own: compiling, the keywords, and the guards. */
class SchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Schema schema(String json) {
        try {
            return Schema.compile(MAPPER.readTree(json.replace('\'', '"')));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBacktrackingPatternGivesUpWithAProblemInsteadOfHanging() {
        Schema evil = schema("{'type': 'string', 'pattern': '(x+x+)+y'}");
        String input = "x".repeat(40); // unbounded, this takes hours
        List<SchemaProblem> problems = evil.validate(input);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().startsWith("cannot be checked against the pattern (x+x+)+y: matching it backtracks too much"),
                problems.get(0).message());
        assertEquals(List.of(), evil.validate("xxxy"));
    }

    @Test
    void patternsSearchAsJsonSchemaSaysUnlessAnchored() {
        assertEquals(List.of(), schema("{'pattern': '[0-9]'}").validate("abc1"));
        assertEquals(1, schema("{'pattern': '^[0-9]+$'}").validate("abc1").size());
    }

    @Test
    void typesAcceptJavaValuesAndTreesAlikeAndIntegersAreNumbers() {
        Schema number = schema("{'type': 'number'}");
        Schema integer = schema("{'type': 'integer'}");
        assertTrue(number.validate(5).isEmpty());
        assertTrue(integer.validate(5.0).isEmpty(), "5.0 is an integer in JSON Schema");
        assertTrue(integer.validate(json("7")).isEmpty());
        assertEquals("expected an integer, got number 5.5", integer.validate(5.5).get(0).message());
        assertEquals("expected a number, got string \"5\"", number.validate("5").get(0).message());
        assertTrue(schema("{'type': ['string', 'null']}").validate(json("null")).isEmpty());
        assertTrue(schema("{'type': 'string', 'nullable': true}").validate(null).isEmpty());
        assertEquals(List.of(JsonType.NULL, JsonType.STRING), List.copyOf(schema("{'type': 'string', 'nullable': true}").types()));
    }

    @Test
    void boundsAreExactForBigNumbers() {
        Schema max = schema("{'type': 'integer', 'maximum': 9007199254740993}");
        assertTrue(max.validate(9007199254740993L).isEmpty());
        assertEquals(1, max.validate(9007199254740994L).size());
        assertEquals(1, max.validate(new BigDecimal("9007199254740993.5")).size());
        assertEquals(new BigDecimal("9007199254740993"), max.maximum().orElseThrow());
    }

    @Test
    void constEnumAndUniqueItemsCompareJsonValuesNotJavaObjects() {
        assertTrue(schema("{'const': 1}").validate(1.0).isEmpty());
        assertTrue(schema("{'enum': [{'a': [1, 2]}]}").validate(Map.of("a", List.of(1, 2))).isEmpty());
        assertEquals("must be exactly \"x\"", schema("{'const': 'x'}").validate("y").get(0).message());
        assertEquals(1, schema("{'uniqueItems': true}").validate(List.of(1, 1.0)).size());
    }

    @Test
    void additionalPropertiesFalseRefusesFieldsAndASchemaChecksThem() {
        Schema closed = schema("{'properties': {'a': {}}, 'additionalProperties': false}");
        assertEquals("unknown field; did you mean a? the value takes: a", closed.validate(Map.of("aa", 1)).get(0).message());
        Schema typed = schema("{'additionalProperties': {'type': 'integer'}}");
        assertTrue(typed.validate(Map.of("x", 1)).isEmpty());
        assertEquals("/x", typed.validate(Map.of("x", "1")).get(0).pointer());
    }

    @Test
    void responseModeAllowsUndeclaredFieldsRequestModeDoesNot() {
        Schema declared = schema("{'type': 'object', 'properties': {'a': {'type': 'string'}}}");
        Map<String, Object> value = Map.of("a", "x", "b", 1);
        assertFalse(SchemaValidator.standard().isValid(declared, value));
        assertTrue(SchemaValidator.forResponses(MAPPER).isValid(declared, value));
        assertTrue(SchemaValidator.standard().isValid(schema("{'type': 'object'}"), value), "no properties declared: any field");
    }

    @Test
    void aSchemaWithAReferenceCannotBeCompiledStandingAlone() {
        SchemaException e = assertThrows(SchemaException.class, () -> schema("{'$ref': '#/definitions/X'}"));
        assertEquals("Invalid schema: /$ref: reference #/definitions/X names no definition", e.getMessage());
    }

    @Test
    void annotationsAndExtensionsAreKeptAndNotChecked() {
        Schema s = schema("{'type': 'string', 'description': 'd', 'title': 't', 'default': 'x', 'example': 'e', 'readOnly': true,"
                + " 'deprecated': true, 'x-declared': 'uuid.UUID', 'format': 'uuid'}");
        assertEquals("d", s.description());
        assertEquals("t", s.title());
        assertEquals("x", s.defaultValue().asText());
        assertEquals(List.of(json("'e'")), s.examples());
        assertTrue(s.readOnly() && s.deprecated());
        assertEquals(json("'uuid.UUID'"), s.extensions().get("x-declared"));
        assertTrue(s.validate("not a uuid").isEmpty(), "format is an annotation");
    }
}
