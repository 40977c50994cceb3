package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading spec text: JSON or YAML, with YAML's anchors, aliases and merge keys resolved. */
class SpecParserTest {

    private static JsonNode parse(String text) {
        return SpecParser.parse(text.getBytes(StandardCharsets.UTF_8), "t.yaml");
    }

    @Test
    void jsonAndYamlGiveTheSameTreeWithExactNumbers() {
        JsonNode json = parse("{\"a\": [1, 1.50, true, null, \"x\"], \"b\": {\"c\": 12345678901}}");
        JsonNode yaml = parse("a: [1, 1.50, true, null, x]\nb:\n  c: 12345678901\n");
        assertEquals(json, yaml);
        assertEquals("{\"a\":[1,1.50,true,null,\"x\"],\"b\":{\"c\":12345678901}}", yaml.toString());
    }

    @Test
    void yamlAliasesStandForTheirAnchoredNodes() {
        JsonNode tree = parse("""
                limit: &limit {name: limit, in: query, schema: {type: integer}}
                list: [*limit, *limit]
                word: &w hello
                again: *w
                """);
        assertEquals(tree.get("limit"), tree.get("list").get(0));
        assertEquals(tree.get("limit"), tree.get("list").get(1));
        assertEquals("hello", tree.get("again").asText());
    }

    @Test
    void yamlMergeKeysAddTheMergedKeysButTheMappingsOwnWin() {
        JsonNode tree = parse("""
                base: &base {in: query, required: true, schema: {type: string}}
                extra: &extra {description: from extra, required: false}
                param: {name: q, <<: [*base, *extra], required: false}
                """);
        assertEquals("{\"name\":\"q\",\"required\":false,\"in\":\"query\",\"schema\":{\"type\":\"string\"},"
                + "\"description\":\"from extra\"}", tree.get("param").toString());
    }

    @Test
    void anAliasWithoutAnchorIsAnErrorWithItsLine() {
        ImportException e = assertThrows(ImportException.class, () -> parse("a: 1\nb: *nowhere\n"));
        assertEquals("Cannot import t.yaml: at /: not valid YAML (line 2, column 4): found undefined alias nowhere",
                e.getMessage());
    }

    @Test
    void aRecursiveAliasIsAnErrorNotAnEndlessTree() {
        ImportException e = assertThrows(ImportException.class, () -> parse("schema: &s\n  items: *s\n"));
        assertTrue(e.getMessage().contains("an alias refers to the mapping or list that contains it"), e.getMessage());
    }

    @Test
    void scalarsFollowYaml11ButKeysAndDatesStayAsWritten() {
        JsonNode tree = parse("""
                on: yes
                values: [0x1F, 0b101, 012, -1_000, 2024-06-01, '42', .inf, 1e3]
                """);
        assertEquals("{\"on\":true,\"values\":[31,5,10,-1000,\"2024-06-01\",\"42\",\".inf\",1E+3]}", tree.toString());
    }

    @Test
    void aByteOrderMarkDoesNotHideJson() {
        JsonNode tree = parse("\uFEFF  {\"openapi\": \"3.0.0\"}");
        assertEquals("3.0.0", tree.get("openapi").asText());
    }

    @Test
    void anEmptyDocumentIsNoTree() {
        assertEquals(null, parse(""));
        assertEquals(null, parse("# only a comment\n"));
    }
}
