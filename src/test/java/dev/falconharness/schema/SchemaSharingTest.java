package dev.falconharness.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Compiled schemas that cannot differ are one object, so a large manifest's registry stays small. */
class SchemaSharingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    @Test
    void plainLeavesAndArraysOfThemAreShared() throws IOException {
        assertSame(Schema.compile(json("{\"type\": \"string\"}")), Schema.compile(json("{\"type\": \"string\"}")));
        assertSame(Schema.compile(json("{\"type\": \"string\", \"format\": \"date-time\"}")),
                Schema.compile(json("{\"format\": \"date-time\", \"type\": \"string\"}")));
        assertSame(Schema.compile(json("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}")),
                Schema.compile(json("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}")));
    }

    @Test
    void aSchemaWithAnythingMoreThanATypeIsItsOwn() throws IOException {
        Schema described = Schema.compile(json("{\"type\": \"string\", \"description\": \"a name\"}"));
        Schema bounded = Schema.compile(json("{\"type\": \"string\", \"maxLength\": 3}"));

        assertNotSame(described, Schema.compile(json("{\"type\": \"string\"}")));
        assertEquals("a name", described.description());
        assertEquals(3, bounded.maxLength());
        assertEquals(1, bounded.validate("abcd").size());
        assertTrue(Schema.compile(json("{\"type\": \"string\"}")).validate("abcd").isEmpty());
    }

    @Test
    void aLoneReferenceIsOneSchemaPerDefinitionAndResolves() throws IOException {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        nodes.put("Pet", json("{\"type\": \"object\", \"required\": [\"name\"], \"properties\": {\"name\": {\"type\": \"string\"}}}"));
        nodes.put("Owner", json("{\"type\": \"object\", \"properties\": {\"cat\": {\"$ref\": \"#/definitions/Pet\"},"
                + " \"dog\": {\"$ref\": \"#/definitions/Pet\"}}}"));
        Definitions definitions = Definitions.of(nodes);
        assertEquals(List.of(), definitions.check());

        Schema owner = definitions.get("Owner");
        assertSame(owner.properties().get("cat"), owner.properties().get("dog"));
        assertSame(definitions.get("Pet"), owner.properties().get("cat").resolved());
        assertEquals(1, owner.validate(Map.of("cat", Map.of())).size());
    }

    @Test
    void onceEveryDefinitionIsCompiledItsSourceIsNotReadAgain() throws IOException {
        JsonNode pet = json("{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}");
        AtomicInteger reads = new AtomicInteger();
        Definitions definitions = Definitions.lazy(new java.util.LinkedHashSet<>(List.of("Pet")), name -> {
            reads.incrementAndGet();
            return pet;
        });

        Schema first = definitions.get("Pet");
        Schema again = definitions.get("Pet");
        assertEquals(List.of(), definitions.check());

        assertSame(first, again);
        assertEquals(1, reads.get());
    }

    @Test
    void emptyPropertiesAreAnImmutableEmptyMap() throws IOException {
        Map<String, Schema> none = Schema.compile(json("{\"type\": \"integer\", \"minimum\": 1}")).properties();
        assertTrue(none.isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> none.put("x", Schema.ANY));
    }
}
