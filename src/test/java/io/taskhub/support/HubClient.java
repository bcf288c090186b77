package io.taskhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls the hub's REST API exactly as a client would: HTTP Basic, JSON in and out. Every answer of an operation
 * that {@code /api/openapi.json} lists is checked against the document.
 */
public final class HubClient {

    /** One answer: status, content type and the parsed JSON body (a missing node when there is none). */
    public record Answer(int status, String contentType, JsonNode json, String text, HttpHeaders headers) {
        public JsonNode get(String field) {
            return json.path(field);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String base;
    private final String authorization;

    private HubClient(int port, String authorization) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    public static HubClient at(int port) {
        return new HubClient(port, null);
    }

    public HubClient as(String login, String password) {
        String token = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HubClient(port, "Basic " + token);
    }

    /** Forces a sync and waits for its run (CONTRACT §3: 200 with the finished run). */
    public JsonNode syncAndWait(String integrationPath, String options) {
        return expect(200, post(integrationPath + "/sync?wait=true" + options, null));
    }

    /** {@code GET {account}/tasks?{query}}: {items, total}. */
    public JsonNode tasks(String accountPath, String query) {
        return expect(200, get(accountPath + "/tasks?" + query));
    }

    /** The one task, of any status, with this external id. */
    public JsonNode task(String accountPath, String externalId) {
        JsonNode items = tasks(accountPath, "status=all&q=" + externalId).path("items");
        assertThat(items.size()).as(externalId).isEqualTo(1);
        return items.get(0);
    }

    private static JsonNode expect(int status, Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        return answer.json();
    }

    private Answer exchange(HttpRequest.Builder request, String method, String path) {
        try {
            if (authorization != null) {
                request.setHeader("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String answer = response.body();
            JsonNode json = answer == null || answer.isBlank() || !isJson(response) ? JSON.missingNode()
                    : JSON.readTree(answer);
            Answer checked = new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), json, answer, response.headers());
            OpenApiContract.of(port).check(method, path, checked);
            return checked;
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    private static boolean isJson(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("application/json").contains("json");
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    public Answer send(String method, String path, Object body) {
        return send(method, path, body, Map.of());
    }

    /** A GET or body-less call with one more request header. */
    public Answer sendWithHeader(String method, String path, String header, String value) {
        return send(method, path, null, Map.of(header, value));
    }

    /** A body of any content type; {@code chunked} sends it without a length, as streaming clients do. */
    public Answer sendBytes(String method, String path, String contentType, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher)
                .header("Content-Type", contentType), method, path);
    }

    /** A POST of these exact bytes with these headers, as a provider delivers a webhook. */
    public Answer postBytes(String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        headers.forEach(request::header);
        return exchange(request, "POST", path);
    }

    private Answer send(String method, String path, Object body, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            return exchange(request, method, path);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
