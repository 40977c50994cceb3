package dev.falconharness.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.manifest.CollectionFormat;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Builds a request for every one of the 1,508 Falcon operations from arguments generated from its
 * manifest entry, and checks each against that entry: method, path with every placeholder filled,
 * every argument in its location and format, and nothing else.
 */
class AllOperationsTest {
    private static final List<String> CANDIDATES = List.of("v1", "1", "abc", "ABC", "a1b2", "us-1",
            "0123456789abcdef0123456789abcdef", "2026-01-01T00:00:00Z", "a@example.com", "x", "123456789012",
            "arn:aws:iam::123456789012:role/reader", "o-abcdefghij", "123e4567-e89b-42d3-a456-426614174000", "full",
            "provisioned", "true", "commercial", "aws");

    private final Manifest manifest = Manifest.falcon();
    private final RequestFactory factory = new RequestFactory(manifest, new ObjectMapper());

    @Test
    void everyOperationBuildsTheRequestItsManifestEntryDescribes() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Operation op : manifest.operations()) {
            try {
                check(op);
            } catch (AssertionError | RuntimeException e) {
                failures.add(op.id() + ": " + e.getMessage());
            }
        }
        assertEquals(1508, manifest.size());
        assertEquals(List.of(), failures, failures.size() + " operations failed");
    }

    private void check(Operation op) throws IOException {
        Map<String, Object> args = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            if (p.location() != Location.BODY) {
                args.put(p.name(), value(p));
            }
        }
        Parameter body = op.parameters().stream().filter(p -> p.location() == Location.BODY).findFirst().orElse(null);
        Object bodyArg = body == null ? null : op.consumes() != null && !op.consumes().contains("json") ? new byte[] {1}
                : op.bodySchema().map(dev.falconharness.testing.BodyGenerator::generate).orElse(Map.of("k", "v"));
        PreparedRequest request = factory.prepare(op.id(), args, bodyArg);

        assertEquals(op.method(), request.method());
        URI uri = URI.create("http://h" + request.target());
        String path = request.target().contains("?") ? request.target().substring(0, request.target().indexOf('?')) : request.target();
        assertFalse(path.contains("{") || path.contains("}"), "placeholder left in " + path);
        assertEquals(expectedPath(op, args), path);
        assertEquals(expectedQuery(op, args), parseQuery(uri.getRawQuery()));
        for (Parameter p : op.parameters()) {
            if (p.location() == Location.HEADER) {
                assertEquals(String.valueOf(args.get(p.name())), request.headers().value(p.name()).orElse(null), p.name());
            }
        }
        checkBody(op, request, body);
    }

    private static void checkBody(Operation op, PreparedRequest request, Parameter body) throws IOException {
        boolean form = op.has(Location.FORM_DATA);
        if (body == null && !form) {
            assertNull(request.body(), "unexpected body");
            return;
        }
        assertNotNull(request.body(), "missing body");
        String type = request.body().contentType();
        if (body != null) {
            assertEquals(op.consumes() != null ? op.consumes() : "application/json", type);
            return;
        }
        boolean files = op.parameters().stream().anyMatch(p -> p.type() == ParamType.FILE);
        assertTrue(files ? type.startsWith("multipart/form-data") : type.equals("application/x-www-form-urlencoded"), type);
        String content;
        try (InputStream in = request.body().open()) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Parameter p : op.parameters()) {
            if (p.location() == Location.FORM_DATA) {
                String marker = files ? "name=\"" + p.name() + "\"" : p.name() + "=";
                assertTrue(content.contains(marker), p.name() + " missing from form " + content);
            }
        }
    }

    private static String expectedPath(Operation op, Map<String, Object> args) {
        String path = op.path();
        for (Parameter p : op.parameters()) {
            if (p.location() == Location.PATH) {
                path = path.replace("{" + p.name() + "}", String.valueOf(args.get(p.name())));
            }
        }
        return path;
    }

    private static List<String> expectedQuery(Operation op, Map<String, Object> args) {
        List<String> pairs = new ArrayList<>();
        for (Parameter p : op.parameters()) {
            if (p.location() != Location.QUERY) {
                continue;
            }
            Object value = args.get(p.name());
            if (value instanceof List<?> items && p.collectionFormat() == CollectionFormat.MULTI) {
                items.forEach(item -> pairs.add(p.name() + "=" + item));
            } else if (value instanceof List<?> items) {
                pairs.add(p.name() + "=" + String.join(p.collectionFormat().delimiter(), items.stream().map(String::valueOf).toList()));
            } else {
                pairs.add(p.name() + "=" + value);
            }
        }
        return pairs;
    }

    private static List<String> parseQuery(String rawQuery) {
        List<String> pairs = new ArrayList<>();
        if (rawQuery == null) {
            return pairs;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            pairs.add(decode(pair.substring(0, eq)) + "=" + decode(pair.substring(eq + 1)));
        }
        return pairs;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A value that satisfies the parameter's type, enum, range, length and pattern. */
    private static Object value(Parameter p) {
        if (p.type() == ParamType.FILE) {
            return new byte[] {'x'};
        }
        if (p.type() == ParamType.ARRAY) {
            int count = p.maxItems() != null ? Math.min(2, p.maxItems()) : 2;
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                items.add(p.enumValues().isEmpty() ? scalar(p, p.itemType()) : p.enumValues().get(i % p.enumValues().size()));
            }
            return p.uniqueItems() || !p.enumValues().isEmpty() ? items.stream().distinct().toList() : items;
        }
        return p.enumValues().isEmpty() ? scalar(p, p.type()) : p.enumValues().get(0);
    }

    private static Object scalar(Parameter p, ParamType type) {
        switch (type) {
            case INTEGER:
            case NUMBER:
                return p.minimum() != null ? p.minimum().longValue() : p.maximum() != null ? Math.min(1, p.maximum().longValue()) : 1;
            case BOOLEAN:
                return true;
            default:
                if (p.minimum() != null) {
                    return String.valueOf(p.minimum().longValue());
                }
                for (String candidate : CANDIDATES) {
                    boolean length = (p.minLength() == null || candidate.length() >= p.minLength())
                            && (p.maxLength() == null || candidate.length() <= p.maxLength());
                    if (length && (p.pattern() == null || p.pattern().matcher(candidate).find())) {
                        return candidate;
                    }
                }
                throw new AssertionError("no generated value fits " + p);
        }
    }
}
