package dev.falconharness.openapi;

import static dev.falconharness.openapi.Specs.operation;
import static dev.falconharness.openapi.Specs.parameter;
import static dev.falconharness.openapi.Specs.parameterNames;
import static dev.falconharness.openapi.Specs.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.manifest.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two larger specs in src/test/resources/openapi, written in the style of public APIs: a Swagger
 * 2.0 inventory API in JSON and an OpenAPI 3.0 ticketing API in YAML. Each imports to the committed
 * manifest next to it, byte for byte, with exactly the listed warnings.
 */
class LargeSpecImportTest {
    private static final Path RESOURCES = Path.of("src/test/resources/openapi");

    @TempDir
    Path dir;

    static ImportResult inventory() {
        return SpecImporter.importSpec(RESOURCES.resolve("inventory-swagger.json"));
    }

    static ImportResult ticketing() {
        return SpecImporter.importSpec(RESOURCES.resolve("ticketing-openapi.yaml"));
    }

    @Test
    void theSwaggerSpecImportsToTheCommittedManifestByteForByte() throws IOException {
        assertEquals(Files.readString(RESOURCES.resolve("inventory-swagger.manifest.json")), inventory().toJson());
    }

    @Test
    void theOpenApiSpecImportsToTheCommittedManifestByteForByte() throws IOException {
        assertEquals(Files.readString(RESOURCES.resolve("ticketing-openapi.manifest.json")), ticketing().toJson());
    }

    @Test
    void theSwaggerSpecWarnsOnlyAboutTheDerivedId() {
        assertEquals(List.of(
                "at /paths/~1reports~1{day}~1summary/get (operation get_reports_by_day_summary): no operationId; using the "
                        + "derived ID \"get_reports_by_day_summary\" (from GET /reports/{day}/summary)"),
                warnings(inventory()));
    }

    @Test
    void theOpenApiSpecListsEverySkippedPartWithItsPointer() {
        List<String> pointers = ticketing().warnings().stream().map(ImportWarning::pointer).toList();
        assertEquals(List.of("/servers", "/paths/~1reports~1sla/trace",
                "/paths/~1tickets~1{ticketId}~1attachments~1{attachmentId}~1content/put",
                "/paths/~1tickets/get/parameters/6/style",
                "/paths/~1tickets~1{ticketId}~1attachments/post", "/paths/~1reports~1sla/get/parameters/0/in",
                "/paths/~1reports~1sla/get/parameters/2/schema/exclusiveMinimum"), pointers);
    }

    @Test
    void swaggerSharedAndPathLevelParametersReachEveryOperationThatUsesThem() {
        ImportResult result = inventory();
        assertEquals("https://inventory.example.com/v2", result.manifest().baseUrl());
        JsonNode shared = parameter(result, "getItem", "itemId");
        assertEquals("^itm_[a-z0-9]{8}$", shared.get("pattern").asText());
        assertEquals("The item's ID, e.g. itm_0a1b2c3d.", shared.get("description").asText());
        for (String id : List.of("updateItem", "deleteItem", "archiveItem", "uploadItemPhoto", "putItemManual")) {
            assertEquals(shared, parameter(result, id, "itemId"), id);
        }
        assertEquals(List.of("limit", "offset", "tag", "status", "X-Request-Id"), parameterNames(result, "listItems"));
        assertEquals("Warehouse number, 1 to 999.", parameter(result, "getStockLevels", "warehouseId").get("description").asText());
        assertEquals("pipes", parameter(result, "getStockLevels", "skus").get("collectionFormat").asText());
    }

    @Test
    void swaggerUploadsAndDeprecationsAreMapped() {
        ImportResult result = inventory();
        assertEquals("file", parameter(result, "uploadItemPhoto", "photo").get("type").asText());
        assertEquals("application/pdf", operation(result, "putItemManual").get("consumes").asText());
        assertEquals("archiveItem", operation(result, "deleteItem").get("replacedBy").asText());
        assertTrue(result.manifest().operation("searchItemsLegacy").deprecated());
        assertEquals(List.of("sku", "delta", "note"), parameterNames(result, "adjustStock"));
    }

    @Test
    void openApiComponentsStylesAndBodiesAreMapped() {
        ImportResult result = ticketing();
        assertEquals("https://demo.tickets.example.net/api/v2", result.manifest().baseUrl());
        assertEquals(List.of("page_size", "page_token", "status", "assignee", "labels", "sort", "updated_after"),
                parameterNames(result, "listTickets"));
        assertEquals(List.of("csv", "multi", "ssv", "pipes"), List.of("status", "assignee", "labels", "sort").stream()
                .map(name -> parameter(result, "listTickets", name).get("collectionFormat").asText()).toList());
        assertEquals(List.of("Idempotency-Key", "body"), parameterNames(result, "createTicket"));
        assertEquals(List.of("ticketId", "resolution", "notify"), parameterNames(result, "closeTicket"));
        assertEquals("file", parameter(result, "uploadAttachment", "file").get("type").asText());
        assertEquals("application/octet-stream",
                operation(result, "put_tickets_by_ticket_id_attachments_by_attachment_id_content").get("consumes").asText());
        assertEquals("closeTicket", operation(result, "deleteTicket").get("replacedBy").asText());
    }

    @Test
    void openApiOperationParametersReplacePathLevelOnesInPlace() {
        ImportResult result = ticketing();
        assertEquals(List.of("ticketId", "locale", "page_size"), parameterNames(result, "listComments"));
        assertEquals(3, parameter(result, "listComments", "locale").get("enum").size());
        assertEquals("Language of rendered text.", parameter(result, "addComment", "locale").get("description").asText());
    }

    @Test
    void theWrittenManifestIsValidLoadsAndEndsWithANewline() throws IOException {
        for (ImportResult result : List.of(inventory(), ticketing())) {
            Path file = dir.resolve(result.manifest().name() + ".json");
            result.writeTo(file);
            String written = Files.readString(file);
            assertTrue(written.endsWith("}\n") && written.startsWith("{\n  \"format\": "), written);
            assertEquals(List.of(), ManifestChecker.check(file));
            Manifest loaded = Manifest.load(file);
            assertEquals(result.manifest().operationIds(), loaded.operationIds());
        }
    }

    @Test
    void aSpecReadFromAStreamImportsLikeTheSameFile() throws IOException {
        try (InputStream in = Files.newInputStream(RESOURCES.resolve("ticketing-openapi.yaml"))) {
            ImportResult streamed = SpecImporter.importSpec(in, "ticketing-openapi.yaml");
            assertEquals(ticketing().toJson(), streamed.toJson());
            assertEquals(new String(Files.readAllBytes(RESOURCES.resolve("ticketing-openapi.manifest.json")),
                    StandardCharsets.UTF_8), streamed.toJson());
        }
    }
}
