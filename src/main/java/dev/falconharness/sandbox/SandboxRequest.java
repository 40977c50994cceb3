package dev.falconharness.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the handlers see it: method, raw path, decoded query, headers and the whole body,
 * with helpers that refuse bad input with a 400 naming the parameter. Immutable after reading.
 */
final class SandboxRequest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final JsonNode checkedJson;
    private final String cid;

    SandboxRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
            byte[] body) {
        this(method, path, query, headers, body, null, null);
    }

    private SandboxRequest(String method, String path, Map<String, List<String>> query,
            Map<String, List<String>> headers, byte[] body, JsonNode checkedJson, String cid) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.checkedJson = checkedJson;
        this.cid = cid;
    }

    /** The same request with its body already parsed and checked against the operation's shape. */
    SandboxRequest withJson(JsonNode checked) {
        return new SandboxRequest(method, path, query, headers, body, checked, cid);
    }

    /** The same request with the body that arrived after its head was judged. */
    SandboxRequest withBody(byte[] arrived) {
        return new SandboxRequest(method, path, query, headers, arrived, checkedJson, cid);
    }

    /** The same request, made with a token for this customer ID. */
    SandboxRequest withCid(String tokenCid) {
        return new SandboxRequest(method, path, query, headers, body, checkedJson, tokenCid);
    }

    /** The customer ID the request's token is scoped to; null on the open OAuth2 endpoints. */
    String cid() {
        return cid;
    }

    /** Parses {@code a=1&b=2&a=3} into names with their values in order. */
    static Map<String, List<String>> decodeForm(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SandboxError.badRequest("malformed percent-encoding in \"" + text + "\"");
        }
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    byte[] body() {
        return body;
    }

    /** The first value of a header, ignoring the name's case. */
    Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return Optional.of(entry.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /** The decoded query in a canonical order (names sorted), for seeding answers made from it. */
    String queryText() {
        return new java.util.TreeMap<>(query).toString();
    }

    /** The first value of a query parameter, or null when absent or blank. */
    String query(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }

    boolean hasQuery(String name) {
        return query(name) != null;
    }

    /** A query parameter that must be present. */
    String requireQuery(String name, String what) {
        String value = query(name);
        if (value == null) {
            throw SandboxError.badRequest("missing required query parameter '" + name + "': " + what);
        }
        return value;
    }

    /** Every value of a query parameter, repeated ({@code ids=a&ids=b}) or comma-separated, in order. */
    List<String> queryList(String name) {
        List<String> items = new ArrayList<>();
        for (String value : query.getOrDefault(name, List.of())) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return Collections.unmodifiableList(items);
    }

    /** A list query parameter that must have at least one value. */
    List<String> requireQueryList(String name, String what) {
        List<String> items = queryList(name);
        if (items.isEmpty()) {
            throw SandboxError.badRequest("missing required query parameter '" + name + "': " + what);
        }
        return items;
    }

    /** An integer query parameter in [min, max], or the default when absent. */
    int integer(String name, int defaultValue, int min, int max) {
        String text = query(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the allowed range.
        }
        throw SandboxError.badRequest("query parameter '" + name + "' must be an integer from " + min + " to " + max
                + ", got \"" + text + "\"");
    }

    /** A boolean query parameter, or the default when absent. */
    boolean bool(String name, boolean defaultValue) {
        String text = query(name);
        if (text == null) {
            return defaultValue;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw SandboxError.badRequest("query parameter '" + name + "' must be true or false, got \"" + text + "\"");
    }

    /** The body as a JSON object; a 400 says what is wrong with it. */
    JsonNode jsonObject(String example) {
        if (checkedJson != null) {
            return checkedJson;
        }
        if (body.length == 0) {
            throw SandboxError.badRequest("this operation needs a JSON body, e.g. " + example);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw SandboxError.badRequest("the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw SandboxError.badRequest("the body cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw SandboxError.badRequest("the body must be a JSON object, e.g. " + example);
        }
        return node;
    }

    /** The body as {@code application/x-www-form-urlencoded} fields. */
    Map<String, List<String>> form() {
        return decodeForm(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        // The query may hold secrets for some operations; the method and path are enough for messages.
        return method + " " + path;
    }
}
