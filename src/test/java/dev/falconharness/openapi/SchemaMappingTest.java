package dev.falconharness.openapi;

import static dev.falconharness.openapi.Specs.assertJson;
import static dev.falconharness.openapi.Specs.importJson;
import static dev.falconharness.openapi.Specs.importText;
import static dev.falconharness.openapi.Specs.parameter;
import static dev.falconharness.openapi.Specs.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameter types and constraints taken from schemas (OpenAPI 3) and parameter objects (Swagger 2.0). */
class SchemaMappingTest {

    /** An OpenAPI 3.1 spec whose operation {@code op} has query parameter {@code p} with this schema. */
    private static ImportResult withSchema(String schema) {
        return importText("""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                servers: [{url: 'https://t.example.org'}]
                paths:
                  /t:
                    get:
                      operationId: op
                      parameters: [{name: p, in: query, schema: %s}]
                components:
                  schemas:
                    Status: {type: string, enum: [open, closed]}
                    Point: {type: object, properties: {x: {type: number}}}
                """.formatted(schema));
    }

    private static void assertParameter(String expected, ImportResult result) {
        assertJson(expected, parameter(result, "op", "p"));
    }

    @Test
    void everyConstraintTheManifestKnowsIsKeptWithItsJsonType() {
        ImportResult result = withSchema("{type: integer, format: int32, enum: [10, 20, 50], default: 20, minimum: 10, "
                + "maximum: 50, description: Page size.}");
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'integer', 'format': 'int32', 'enum': [10, 20, 50], "
                + "'default': 20, 'minimum': 10, 'maximum': 50, 'description': 'Page size.'}", result);
        ImportResult text = withSchema("{type: string, minLength: 2, maxLength: 8, pattern: '^[a-z]+$'}");
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'string', 'minLength': 2, 'maxLength': 8, 'pattern': '^[a-z]+$'}", text);
        assertEquals(List.of(), warnings(result));
    }

    @Test
    void arrayConstraintsStayOnTheArrayAndValueConstraintsComeFromItsItems() {
        ImportResult result = withSchema("{type: array, minItems: 1, maxItems: 5, uniqueItems: true, default: [open], "
                + "items: {$ref: '#/components/schemas/Status'}}");
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'array', 'items': 'string', 'collectionFormat': 'multi', "
                + "'enum': ['open', 'closed'], 'default': ['open'], 'maxItems': 5, 'minItems': 1, 'uniqueItems': true}", result);
        Parameter loaded = result.manifest().operation("op").parameter("p");
        assertEquals(ParamType.STRING, loaded.itemType());
        assertEquals(List.of("open", "closed"), loaded.enumValues());
    }

    @Test
    void aNullableTypeListIsItsNonNullType() {
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'string', 'format': 'date'}",
                withSchema("{type: [string, 'null'], format: date}"));
    }

    @Test
    void withoutATypeTheEnumValuesDecide() {
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'string', 'enum': ['a', 'b']}", withSchema("{enum: [a, b, null]}"));
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'integer', 'enum': [1, 2]}", withSchema("{enum: [1, 2]}"));
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'boolean', 'enum': [true]}", withSchema("{const: true}"));
    }

    @Test
    void aSingleBranchCompositionIsThatBranchWithTheOuterKeysOnTop() {
        ImportResult result = withSchema("{allOf: [{$ref: '#/components/schemas/Status'}], description: Current state.}");
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'string', 'enum': ['open', 'closed'], "
                + "'description': 'Current state.'}", result);
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'string', 'enum': ['open', 'closed']}",
                withSchema("{anyOf: [{$ref: '#/components/schemas/Status'}, {type: 'null'}]}"));
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'string'}",
                withSchema("{oneOf: [{type: string, format: date}, {type: string, format: date-time}]}"));
    }

    @Test
    void unclearTypesBecomeStringsWithAWarning() {
        ImportResult mixed = withSchema("{oneOf: [{type: string}, {type: integer}]}");
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'string'}", mixed);
        assertEquals(List.of("at /paths/~1t/get/parameters/0/schema (operation op): parameter \"p\" combines the types "
                + "string, integer; imported as string"), warnings(mixed));
        ImportResult none = withSchema("{description: Anything.}");
        assertEquals(List.of("at /paths/~1t/get/parameters/0/schema (operation op): parameter \"p\" has no type; "
                + "imported as string"), warnings(none));
        ImportResult two = withSchema("{type: [string, integer]}");
        assertEquals("string", parameter(two, "op", "p").get("type").asText());
        assertEquals(1, two.warnings().size());
    }

    @Test
    void arraysOfObjectsAreSentAsStringsWithAWarning() {
        ImportResult result = withSchema("{type: array, items: {$ref: '#/components/schemas/Point'}}");
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'array', 'items': 'string', 'collectionFormat': 'multi'}", result);
        assertEquals(List.of("at /paths/~1t/get/parameters/0/schema/items (operation op): array parameter \"p\" has items "
                + "of type object; a manifest array holds strings, numbers or booleans, so items are imported as strings"),
                warnings(result));
    }

    @Test
    void exclusiveBoundsOnIntegersBecomeTheNextWholeNumber() {
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'integer', 'minimum': 1, 'maximum': 99}",
                withSchema("{type: integer, exclusiveMinimum: 0, exclusiveMaximum: 100}"));
        ImportResult swagger = importJson("""
                {'swagger': '2.0', 'info': {'title': 'T', 'version': '1'}, 'host': 't.example.org',
                 'paths': {'/t': {'get': {'operationId': 'op', 'responses': {}, 'parameters': [
                   {'name': 'p', 'in': 'query', 'type': 'integer', 'minimum': 0, 'exclusiveMinimum': true,
                    'maximum': 10, 'exclusiveMaximum': false}]}}}}""");
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'integer', 'minimum': 1, 'maximum': 10}", swagger);
    }

    @Test
    void exclusiveBoundsOnNumbersAreKeptInclusiveWithAWarning() {
        ImportResult result = withSchema("{type: number, exclusiveMinimum: 0.5}");
        Parameter p = result.manifest().operation("op").parameter("p");
        assertEquals(new BigDecimal("0.5"), p.minimum());
        assertEquals(List.of("at /paths/~1t/get/parameters/0/schema/exclusiveMinimum (operation op): an exclusive bound "
                + "(0.5) cannot be expressed in a manifest; kept as an inclusive minimum"), warnings(result));
    }

    @Test
    void constraintsTheHarnessCannotCheckAreReportedNotKept() {
        ImportResult result = withSchema("{type: string, minimum: 3, pattern: '[z-a]'}");
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'string'}", result);
        ImportResult multiple = withSchema("{type: integer, multipleOf: 5}");
        assertEquals(List.of(
                "at /paths/~1t/get/parameters/0/schema (operation op): minimum/maximum on a string value of \"p\" mean "
                        + "nothing; not kept",
                "at /paths/~1t/get/parameters/0/schema/pattern (operation op): the pattern of \"p\" is not a regular "
                        + "expression Java can read (Illegal character range); not kept"), warnings(result));
        assertEquals(List.of("at /paths/~1t/get/parameters/0/schema/multipleOf (operation op): multipleOf is not checked by "
                + "the harness; the server will refuse values of \"p\" that break it"), warnings(multiple));
    }

    @Test
    void swaggerArrayItemsCarryTheirEnumAndAnArrayWithoutItemsHoldsStrings() {
        ImportResult result = importJson("""
                {'swagger': '2.0', 'info': {'title': 'T', 'version': '1'}, 'host': 't.example.org',
                 'paths': {'/t': {'get': {'operationId': 'op', 'responses': {}, 'parameters': [
                   {'name': 'p', 'in': 'query', 'type': 'array', 'items': {'type': 'integer', 'enum': [1, 2], 'maximum': 2}},
                   {'name': 'q', 'in': 'query', 'type': 'array'}]}}}}""");
        assertParameter("{'name': 'p', 'in': 'query', 'type': 'array', 'items': 'integer', 'collectionFormat': 'csv', "
                + "'enum': [1, 2], 'maximum': 2}", result);
        assertJson("{'name': 'q', 'in': 'query', 'type': 'array', 'items': 'string', 'collectionFormat': 'csv'}",
                parameter(result, "op", "q"));
        assertEquals(List.of("at /paths/~1t/get/parameters/1/items (operation op): array parameter \"q\" has no items; "
                + "items imported as strings"), warnings(result));
    }
}
