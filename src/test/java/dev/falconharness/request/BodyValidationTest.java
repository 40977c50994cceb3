package dev.falconharness.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.ValidationException;
import dev.falconharness.ValidationException.Problem;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.testing.PayloadManifests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bodies are checked against their schemas before anything is sent, every problem with its pointer. */
class BodyValidationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final RequestFactory users = new RequestFactory(PayloadManifests.userManagement(), MAPPER);
    private final RequestFactory shapes = new RequestFactory(PayloadManifests.shapes(), MAPPER);

    private static List<Problem> refused(RequestFactory factory, String op, Object body) {
        return assertThrows(ValidationException.class, () -> factory.prepare(op, Map.of(), body)).problems();
    }

    private static String sent(PreparedRequest request) throws IOException {
        try (InputStream in = request.body().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> order(Object city, Object quantity) {
        return Map.of("customer", Map.of("name", "Ana", "address", Map.of("city", city)),
                "lines", List.of(Map.of("sku", "A-1", "quantity", quantity)));
    }

    @Test
    void aMisspeltTopLevelFieldIsRefusedWithTheClosestNameAndEveryFieldTheBodyTakes() {
        ValidationException e = assertThrows(ValidationException.class, () -> users.prepare("CreateUser", Map.of(),
                Map.of("uid", "ana@example.com", "first_name", "Ana")));
        assertEquals("Invalid call to CreateUser: body.first_name: unknown field; did you mean firstName? "
                + "CreateUser's body takes: firstName, lastName, password, uid", e.getMessage());
        assertEquals("/first_name", e.problems().get(0).pointer());
        assertEquals("body", e.problems().get(0).location());
    }

    @Test
    void theOlderGenerationsSpellingIsTheOneItTakes() throws IOException {
        List<Problem> problems = refused(users, "createUserV1", Map.of("uid", "ana@example.com", "firstName", "Ana"));
        assertEquals("body.firstName: unknown field; did you mean first_name? createUserV1's body takes: cid, first_name, "
                + "last_name, password, uid", problems.get(0).toString());
        String body = sent(users.prepare("createUserV1", Map.of(), Map.of("uid", "ana@example.com", "first_name", "Ana")));
        assertEquals("{\"uid\":\"ana@example.com\",\"first_name\":\"Ana\"}".length(), body.length());
    }

    @Test
    void problemsThreeLevelsDeepCarryTheirPointersAndSuggestionsAtThatLevel() {
        Map<String, Object> body = Map.of("customer", Map.of("address", Map.of("cty", "Lyon")),
                "lines", List.of(Map.of("sku", "A-1", "quantity", "two")));
        List<Problem> problems = refused(shapes, "PlaceOrder", body);
        assertEquals(List.of("/customer/address/city", "/customer/address/cty", "/lines/0/quantity"),
                problems.stream().map(Problem::pointer).sorted().toList());
        String text = problems.toString();
        assertTrue(text.contains("body.customer.address.city: missing required field (a string: The city, as the post writes it.)"
                + " (at /customer/address/city)"), text);
        assertTrue(text.contains("body.customer.address.cty: unknown field; did you mean city? body.customer.address takes: city, zip"),
                text);
        assertTrue(text.contains("body.lines[0].quantity: expected an integer, got string \"two\" (at /lines/0/quantity)"), text);
    }

    @Test
    void valuesOutsideEnumsRangesLengthsAndPatternsAreEachNamed() {
        Map<String, Object> body = Map.of("customer", Map.of("name", "", "address", Map.of("city", "Lyon", "zip", "6900")),
                "lines", List.of(Map.of("sku", "A", "quantity", 0, "unit", "crate", "price", 0),
                        Map.of("sku", "B", "quantity", 101), Map.of("sku", "C", "quantity", 1), Map.of("sku", "D", "quantity", 1)));
        List<String> problems = refused(shapes, "PlaceOrder", body).stream().map(Problem::toString).sorted().toList();
        assertEquals(List.of(
                "body.customer.address.zip: \"6900\" does not match the pattern ^[0-9]{5}$ (at /customer/address/zip)",
                "body.customer.name: is 0 characters long; the minimum is 1 (at /customer/name)",
                "body.lines: has 4 items; at most 3 allowed",
                "body.lines[0].price: 0 must be greater than 0 (at /lines/0/price)",
                "body.lines[0].quantity: 0 is less than the minimum 1 (at /lines/0/quantity)",
                "body.lines[0].unit: string \"crate\" is not one of the allowed values: \"each\", \"box\" (at /lines/0/unit)",
                "body.lines[1].quantity: 101 is more than the maximum 100 (at /lines/1/quantity)"), problems);
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneProblemNotACascade() {
        List<Problem> problems = refused(shapes, "PlaceOrder", List.of("a", "b"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("body: expected an object, got an array", problems.get(0).toString());
        assertEquals("", problems.get(0).pointer());
        assertEquals(1, refused(shapes, "PlaceOrder", "\"just text\"").size());
    }

    @Test
    void bodyProblemsComeInTheSameExceptionAsParameterProblems() {
        ValidationException e = assertThrows(ValidationException.class, () -> users.prepare("GrantUserRoleIds",
                Map.of("user_uid", "x"), Map.of("roleIds", "admin")));
        assertEquals(List.of("user_uid", "user_uuid", "body.roleIds"),
                e.problems().stream().map(Problem::parameter).toList());
        assertTrue(e.getMessage().contains("body.roleIds: expected an array, got string \"admin\""), e.getMessage());
    }

    @Test
    void aJsonTextBodyAndAJacksonTreeAreCheckedLikeAMap() throws IOException {
        List<Problem> fromText = refused(users, "PerformActionV2", "{\"ids\": [\"a\"], \"action_parameters\": [{\"name\": \"x\"}]}");
        assertTrue(fromText.stream().anyMatch(p -> p.toString().equals(
                "body.action_parameters[0].value: missing required field (a string) (at /action_parameters/0/value)")), fromText.toString());
        List<Problem> fromTree = refused(users, "PerformActionV2", MAPPER.readTree("{\"idz\": [\"a\"]}"));
        assertEquals(List.of("/ids", "/idz"), fromTree.stream().map(Problem::pointer).filter(java.util.Objects::nonNull).sorted().toList());
    }

    @Test
    void oneOfNamesTheClosestAlternativeAndWhatItLacks() {
        List<String> problems = refused(shapes, "DrawShape", Map.of("shape", Map.of("kind", "square", "sid", 3)))
                .stream().map(Problem::toString).toList();
        assertEquals(List.of("body.shape: matches none of the 2 alternatives of oneOf (exactly one must match); the closest is "
                        + "alternative 2 (square), which fails with: 2 problems listed next",
                "body.shape.side: missing required field (a number) (at /shape/side)",
                "body.shape.sid: unknown field; did you mean side or kind? body.shape takes: kind, side (at /shape/sid)"), problems);
        List<String> colour = refused(shapes, "DrawShape", Map.of("shape", Map.of("kind", "circle", "radius", 1), "colour", "blue"))
                .stream().map(Problem::toString).toList();
        assertEquals(List.of("body.colour: matches none of the 2 alternatives of anyOf (at least one must match); the closest is "
                + "alternative 1, which fails with: 1 problem listed next",
                "body.colour: string \"blue\" is not one of the allowed values: \"red\", \"green\""), colour);
    }

    @Test
    void anyOfAcceptsEitherBranchAndNestedOneOfAcceptsTheMatchingOne() {
        shapes.prepare("DrawShape", Map.of(), Map.of("shape", Map.of("kind", "circle", "radius", 2.5), "colour", 200));
        shapes.prepare("DrawShape", Map.of(), Map.of("shape", Map.of("kind", "square", "side", 2), "colour", "red"));
    }

    @Test
    void aRecursiveSchemaChecksEveryLevelOfTheTree() {
        Map<String, Object> tree = Map.of("name", "root", "label", "r", "children", List.of(
                Map.of("name", "a", "children", List.of(Map.of("nam", "deep")))));
        List<Problem> problems = refused(shapes, "SaveTree", tree);
        assertEquals(List.of("/children/0/children/0/nam", "/children/0/children/0/name"),
                problems.stream().map(Problem::pointer).sorted().toList());
        shapes.prepare("SaveTree", Map.of(), Map.of("name", "root", "label", "r", "tags", List.of("x", "y"),
                "children", List.of(Map.of("name", "a"))));
        assertEquals("body.tags: items 0 and 1 are equal; items must be unique",
                refused(shapes, "SaveTree", Map.of("name", "r", "tags", List.of("x", "x"))).get(0).toString());
    }

    @Test
    void freeFormAndNullableFieldsTakeWhatTheyDeclare() {
        shapes.prepare("SaveAnything", Map.of(), Map.of("any", List.of(1, "two", Map.of()), "nested", Map.of("x", true)));
        java.util.HashMap<String, Object> withNull = new java.util.HashMap<>(order("Lyon", 2));
        withNull.put("note", null);
        shapes.prepare("PlaceOrder", Map.of(), withNull);
    }

    @Test
    void aRecordOrPojoBodyIsCheckedAsJacksonWritesIt() {
        record Line(String sku, int quantity) {
        }
        record Address(String city) {
        }
        record Customer(Address address) {
        }
        record Order(Customer customer, List<Line> lines) {
        }
        shapes.prepare("PlaceOrder", Map.of(), new Order(new Customer(new Address("Lyon")), List.of(new Line("A", 3))));
        List<Problem> problems = refused(shapes, "PlaceOrder", new Order(new Customer(new Address("Lyon")), List.of(new Line("A", 0))));
        assertEquals("/lines/0/quantity", problems.get(0).pointer());
    }

    @Test
    void rawBytesAreNotJsonAndAreNotChecked() {
        shapes.prepare("UploadBlob", Map.of(), new byte[] {1, 2, 3});
        shapes.prepare("PlaceOrder", Map.of(), new byte[] {'{', '}'});
    }
}
