package io.taskhub.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls Jolokia as the Hawtio console in a browser does: HTTP Basic, the CSRF token from the {@code XSRF-TOKEN}
 * cookie echoed in {@code X-XSRF-TOKEN}, an {@code Origin} header, JSON posted to {@code /actuator/jolokia}.
 */
public final class ConsoleClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern XSRF_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;
    private final String xsrfToken;

    private ConsoleClient(String base, String authorization, String xsrfToken) {
        this.base = base;
        this.authorization = authorization;
        this.xsrfToken = xsrfToken;
    }

    /** Logs in as the console does: opening its page hands out the CSRF cookie. */
    public static ConsoleClient as(int port, String login, String password) {
        String base = "http://localhost:" + port;
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        ConsoleClient anonymous = new ConsoleClient(base, authorization, null);
        HttpResponse<String> page = anonymous.send(anonymous.request("/actuator/hawtio/").GET());
        String token = page.headers().allValues("Set-Cookie").stream()
                .map(XSRF_COOKIE::matcher).filter(Matcher::find).map(m -> m.group(1))
                .findFirst().orElse(null);
        return new ConsoleClient(base, authorization, token);
    }

    /** The hub's own origin, as the console's pages send it. */
    public String origin() {
        return base;
    }

    /** Posts one Jolokia request (a map) or a bulk of them (a list) from the console's own origin. */
    public HubClient.Answer post(Object request) {
        return post(request, Map.of("Origin", origin()));
    }

    public HubClient.Answer post(Object request, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = request("/actuator/jolokia")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)));
            headers.forEach(builder::header);
            return answer(send(builder));
        } catch (Exception e) {
            throw new IllegalStateException("POST " + request + " failed", e);
        }
    }

    /** A GET carrying its command in the URL, from the console's own origin. */
    public HubClient.Answer get(String path) {
        return answer(send(request(path).header("Origin", origin()).GET()));
    }

    /** Jolokia's own verdict on one request: the {@code status} inside its answer (200, 403, ...). */
    public static int verdict(HubClient.Answer answer) {
        return answer.status() == 200 ? answer.json().path("status").asInt(answer.status()) : answer.status();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization);
        if (xsrfToken != null) {
            builder.header("Cookie", "XSRF-TOKEN=" + xsrfToken).header("X-XSRF-TOKEN", xsrfToken);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("the console's request failed", e);
        }
    }

    private static HubClient.Answer answer(HttpResponse<String> response) {
        String body = response.body();
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (Exception notJson) {
            json = JSON.missingNode();
        }
        return new HubClient.Answer(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), json, body, response.headers());
    }
}
