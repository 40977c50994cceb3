package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Plain HTTP to a sandbox, below the harness: for what the harness would never send (bad JSON, no token,
 * wrong credentials) and for reading the wire exactly as it is.
 */
final class RawHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    RawHttp(FalconSandbox sandbox) {
        this.baseUrl = sandbox.baseUrl();
    }

    HttpResponse<String> send(String method, String target, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> tokenRequest(String form) {
        return send("POST", "/oauth2/token", null, "application/x-www-form-urlencoded", form);
    }

    /** A fresh token for the sandbox's credentials. */
    String token() {
        HttpResponse<String> response = tokenRequest("client_id=" + FalconSandbox.CLIENT_ID + "&client_secret="
                + FalconSandbox.CLIENT_SECRET);
        if (response.statusCode() != 201) {
            throw new AssertionError("token request failed: HTTP " + response.statusCode());
        }
        return json(response).path("access_token").asText();
    }

    HttpResponse<String> get(String target, String token) {
        return send("GET", target, token == null ? null : "Bearer " + token, null, null);
    }

    HttpResponse<String> json(String method, String target, String token, String body) {
        return send(method, target, "Bearer " + token, "application/json", body);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The first error message of an envelope. */
    static String firstError(HttpResponse<String> response) {
        return json(response).path("errors").path(0).path("message").asText();
    }
}
