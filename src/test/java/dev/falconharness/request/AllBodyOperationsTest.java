package dev.falconharness.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.schema.Schema;
import dev.falconharness.schema.SchemaValidator;
import dev.falconharness.testing.BodyGenerator;
import dev.falconharness.testing.PayloadManifests;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation with a body schema accepts a body generated from that schema, and sends it exactly:
 * the schemas, the validator and the encoder agree with one another.
 */
class AllBodyOperationsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyBodyOperationOfTheBuiltInManifestAcceptsABodyMadeFromItsSchema() throws IOException {
        // The current API's 503 JSON bodies, two more for operations the table lists under a second id
        // (RetrieveUser and retrieveUser...), and the three raw-byte bodies (PutObject...).
        assertEquals(508, checkAll(Manifest.falcon()));
    }

    @Test
    void everyBodyOperationOfTheTestManifestsAcceptsABodyMadeFromItsSchema() throws IOException {
        assertEquals(6, checkAll(PayloadManifests.userManagement()));
        assertEquals(6, checkAll(PayloadManifests.shapes()));
    }

    /** Checks every operation with a body schema; returns how many there were. */
    private static int checkAll(Manifest manifest) throws IOException {
        RequestFactory factory = new RequestFactory(manifest, MAPPER);
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (Operation op : manifest.operations()) {
            if (op.bodySchema().isEmpty()) {
                continue;
            }
            count++;
            try {
                check(factory, op, op.bodySchema().get());
            } catch (AssertionError | RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                failures.add(op.id() + ": " + (message.length() > 300 ? message.substring(0, 300) + "..." : message));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + count + " body operations failed");
        return count;
    }

    private static void check(RequestFactory factory, Operation op, Schema schema) throws IOException {
        boolean raw = schema.isBinary() || !BodyEncoder.isJson(op.consumes());
        Object body = raw ? new byte[] {1, 2, 3} : BodyGenerator.generate(schema);
        if (!raw) {
            assertEquals(List.of(), SchemaValidator.forRequests(MAPPER).validate(schema, body, "body", op.id()));
        }
        PreparedRequest request = factory.prepare(op.id(), arguments(op), body);
        byte[] sent;
        try (InputStream in = request.body().open()) {
            sent = in.readAllBytes();
        }
        if (raw) {
            assertArrayEquals((byte[]) body, sent);
        } else {
            assertEquals(MAPPER.writeValueAsString(body), new String(sent, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A value for every required parameter other than the body. */
    private static Map<String, Object> arguments(Operation op) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            if (p.required() && p.location() != Location.BODY) {
                args.put(p.name(), value(p));
            }
        }
        return args;
    }

    private static Object value(Parameter p) {
        if (!p.enumValues().isEmpty()) {
            return p.enumValues().get(0);
        }
        ParamType type = p.valueType();
        Object one = switch (type) {
            case INTEGER, NUMBER -> p.minimum() != null ? p.minimum() : 1;
            case BOOLEAN -> true;
            case FILE -> new byte[] {1};
            default -> p.minLength() != null && p.minLength() > 1 ? "x".repeat(p.minLength()) : "x";
        };
        return p.type() == ParamType.ARRAY ? List.of(one) : one;
    }
}
