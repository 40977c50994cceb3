package dev.falconharness.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.ValidationException;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.testing.PayloadManifests;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arguments that name top-level body fields build the body, typed by the schema. */
class BodyArgumentsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final RequestFactory users = new RequestFactory(PayloadManifests.userManagement(), MAPPER);
    private final RequestFactory shapes = new RequestFactory(PayloadManifests.shapes(), MAPPER);

    private static JsonNode body(PreparedRequest request) throws IOException {
        try (InputStream in = request.body().open()) {
            return MAPPER.readTree(in);
        }
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void createUserTakesItsFieldsAsArguments() throws IOException {
        PreparedRequest request = users.prepare("CreateUser", args("uid", "ana@example.com", "firstName", "Ana"), null);
        assertEquals("{\"uid\":\"ana@example.com\",\"firstName\":\"Ana\"}", body(request).toString());
        assertEquals("application/json", request.body().contentType());
    }

    @Test
    void createUserV1TakesItsSnakeCaseFieldsNextToItsQueryParameter() throws IOException {
        PreparedRequest request = users.prepare("createUserV1",
                args("uid", "ana@example.com", "first_name", "Ana", "last_name", "Lima", "validate_only", true), null);
        assertEquals("/user-management/entities/users/v1?validate_only=true", request.target());
        assertEquals("{\"uid\":\"ana@example.com\",\"first_name\":\"Ana\",\"last_name\":\"Lima\"}", body(request).toString());
    }

    @Test
    void commaSeparatedTextBecomesTheArrayTheSchemaAsksFor() throws IOException {
        PreparedRequest grant = users.prepare("GrantUserRoleIds", args("user_uuid", "u-1", "roleIds", "a, b"), null);
        assertEquals("/user-roles/entities/user-roles/v1?user_uuid=u-1", grant.target());
        assertEquals("{\"roleIds\":[\"a\",\"b\"]}", body(grant).toString());
        PreparedRequest contain = users.prepare("PerformActionV2", args("action_name", "contain", "ids", "h1,h2"), null);
        assertEquals("/devices/entities/devices-actions/v2?action_name=contain", contain.target());
        assertEquals("{\"ids\":[\"h1\",\"h2\"]}", body(contain).toString());
        PreparedRequest listed = users.prepare("PerformActionV2", args("action_name", "contain", "ids", List.of("h1"),
                "action_parameters", List.of(args("name", "n", "value", "v"))), null);
        assertEquals("{\"ids\":[\"h1\"],\"action_parameters\":[{\"name\":\"n\",\"value\":\"v\"}]}", body(listed).toString());
    }

    @Test
    void integersAndBooleansGivenAsTextAreConverted() throws IOException {
        PreparedRequest request = shapes.prepare("TagHosts", args("count", "5", "force", "true", "tags", "x"), null);
        assertEquals("{\"count\":5,\"force\":true,\"tags\":[\"x\"]}", body(request).toString());
        ValidationException e = assertThrows(ValidationException.class,
                () -> shapes.prepare("TagHosts", args("count", "five"), null));
        assertEquals("Invalid call to TagHosts: body.count: expected an integer, got string \"five\"", e.getMessage());
    }

    @Test
    void builtBodiesAreCheckedLikeAnyOther() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> users.prepare("PerformActionV2", args("action_name", "contain"), null));
        assertTrue(e.getMessage().contains("body (body): missing required parameter; pass the JSON body as the body argument,"
                + " or its fields as arguments (action_parameters, ids)"), e.getMessage());
    }

    @Test
    void aNameThatIsBothAParameterAndABodyFieldIsRefusedWithHowToChoose() throws IOException {
        ValidationException e = assertThrows(ValidationException.class,
                () -> shapes.prepare("TagHosts", args("ids", "h1", "tags", "x"), null));
        assertEquals("Invalid call to TagHosts: ids (query): is both a query parameter and a field of TagHosts's body;"
                + " pass the body as the body argument (an empty map for none), and ids is then the parameter", e.getMessage());
        PreparedRequest request = shapes.prepare("TagHosts", args("ids", "h1"), Map.of("ids", List.of("b1")));
        assertEquals("/hosts/tags/v1?ids=h1", request.target());
        assertEquals("{\"ids\":[\"b1\"]}", body(request).toString());
    }

    @Test
    void fieldsNextToAWholeBodyAreRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> users.prepare("CreateUser",
                args("firstName", "Ana"), Map.of("uid", "ana@example.com")));
        assertEquals("Invalid call to CreateUser: firstName (body): is a field of CreateUser's body, which is also given whole;"
                + " put firstName in the body, or give every field as an argument and no body", e.getMessage());
    }

    @Test
    void anUnknownNameIsMatchedAgainstParametersAndBodyFields() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> users.prepare("CreateUser", args("uid", "a@b.c", "first_name", "Ana"), null));
        assertEquals("Invalid call to CreateUser: first_name: unknown parameter; did you mean firstName? CreateUser takes: body;"
                + " body fields: firstName, lastName, password, uid", e.getMessage());
    }
}
