package dev.falconharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The baseline: what a careful developer writes by hand with {@code java.net.http} to call Falcon. The
 * same client settings as the harness (HTTP/1.1 on plain HTTP, no redirects, 10 s to connect), the same
 * headers (bearer token, {@code User-Agent}, {@code Accept}), a 60 s request timeout, the body read as
 * bytes and decoded with Jackson's {@code readTree}. Nothing else: no validation, retries or rate-limit
 * bookkeeping. Thread-safe.
 */
final class RawClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final String baseUrl;
    private final String userAgent;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String authorization;

    private RawClient(HttpClient client, String baseUrl, String userAgent, String authorization) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.userAgent = userAgent;
        this.authorization = authorization;
    }

    /** A client with a token already fetched from {@code baseUrl}'s token endpoint. */
    static RawClient connect(String baseUrl, String userAgent) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        RawClient unauthenticated = new RawClient(client, baseUrl, userAgent, null);
        String form = "client_id=" + URLEncoder.encode(Target.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(Target.clientSecret(), StandardCharsets.UTF_8);
        HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(baseUrl + Routes.TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        String token = unauthenticated.send(tokenRequest).path("access_token").asText();
        return new RawClient(client, baseUrl, userAgent, "Bearer " + token);
    }

    /** {@code GET /user-roles/entities/user-roles/v1?ids=a&ids=b}, decoded. */
    JsonNode getRoles(List<String> ids) {
        return send(getRolesRequest(ids));
    }

    CompletableFuture<JsonNode> getRolesAsync(List<String> ids) {
        return client.sendAsync(getRolesRequest(ids), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> decode(response.body()));
    }

    /** One page of the scroll query, decoded; {@code offset} null for the first page. */
    JsonNode scrollPage(String offset, int limit) {
        String query = "?limit=" + limit + (offset == null ? "" : "&offset=" + URLEncoder.encode(offset, StandardCharsets.UTF_8));
        return send(get(Routes.SCROLL_PATH + query));
    }

    private HttpRequest getRolesRequest(List<String> ids) {
        StringBuilder query = new StringBuilder();
        for (String id : ids) {
            query.append(query.length() == 0 ? '?' : '&').append("ids=").append(URLEncoder.encode(id, StandardCharsets.UTF_8));
        }
        return get(Routes.ROLES_PATH + query);
    }

    private HttpRequest get(String target) {
        return HttpRequest.newBuilder(URI.create(baseUrl + target))
                .header("Authorization", authorization)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .timeout(TIMEOUT)
                .GET()
                .build();
    }

    private JsonNode send(HttpRequest request) {
        try {
            return decode(client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode decode(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
