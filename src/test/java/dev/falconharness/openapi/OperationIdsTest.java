package dev.falconharness.openapi;

import static dev.falconharness.openapi.OpenApiImportTest.spec;
import static dev.falconharness.openapi.Specs.importText;
import static dev.falconharness.openapi.Specs.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Operation IDs: kept as declared, derived from method and path when missing. */
class OperationIdsTest {

    @Test
    void derivedIdsAreTheMethodThenThePathInSnakeCaseWithPlaceholdersReadAsBy() {
        assertEquals("get_users_by_id", OperationIds.derive("get", "/users/{id}"));
        assertEquals("post_ticket_types_by_type_id_fields", OperationIds.derive("post", "/ticketTypes/{typeId}/fields"));
        assertEquals("get_v2_api_keys_by_key_id", OperationIds.derive("get", "/v2/api-keys/{key.id}"));
        assertEquals("get_reports_by_day_json", OperationIds.derive("get", "/reports/{day}.json"));
        assertEquals("get_root", OperationIds.derive("get", "/"));
        assertEquals("delete_html_parser_rules", OperationIds.derive("delete", "/HTMLParser/rules/"));
    }

    @Test
    void anOperationWithoutIdGetsTheDerivedIdAndAWarning() {
        ImportResult result = importText(spec("/users/{id}: {get: {parameters: [{name: id, in: path, required: true, schema: {type: string}}]}}"));
        assertEquals(List.of("get_users_by_id"), Specs.ids(result));
        assertEquals(List.of("at /paths/~1users~1{id}/get (operation get_users_by_id): no operationId; using the derived ID "
                + "\"get_users_by_id\" (from GET /users/{id})"), warnings(result));
    }

    @Test
    void aDerivedIdNeverTakesOneThatIsDeclaredOrAlreadyDerived() {
        ImportResult result = importText(spec("""
                /users: {get: {}, post: {operationId: get_users}}
                /Users: {get: {}}
                """));
        assertEquals(List.of("get_users_2", "get_users", "get_users_3"), Specs.ids(result));
    }

    @Test
    void declaredIdsAreKeptVerbatimExceptThatSpacesBecomeUnderscores() {
        ImportResult result = importText(spec("""
                /a: {get: {operationId: 'Get A'}}
                /b: {get: {operationId: getB.v2}}
                """));
        assertEquals(List.of("Get_A", "getB.v2"), Specs.ids(result));
        assertEquals(List.of("at /paths/~1a/get/operationId (operation Get_A): operationId \"Get A\" contains spaces, which "
                + "manifest IDs cannot; using \"Get_A\""), warnings(result));
    }
}
