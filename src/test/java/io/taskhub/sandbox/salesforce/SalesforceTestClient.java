package io.taskhub.sandbox.salesforce;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain HTTP client speaking to the simulator the way camel-salesforce does. */
final class SalesforceTestClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Status plus parsed body (null when empty). */
    record Reply(int status, JsonNode body) {
    }

    private final String baseUrl;
    String accessToken;
    String batchSizeOption;
    String authScheme = "Bearer";

    SalesforceTestClient(SalesforceSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    Reply token(Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    Reply refresh(String clientId, String secret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("refresh_token", refreshToken);
        form.put("format", "json");
        return token(form);
    }

    /** Logs in with the default client and keeps the access token for later requests. */
    SalesforceTestClient login() {
        Reply reply = refresh(SalesforceSimulator.DEFAULT_CLIENT_ID, SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                SalesforceSimulator.DEFAULT_REFRESH_TOKEN);
        if (reply.status() != 200) {
            throw new IllegalStateException("login failed: " + reply);
        }
        accessToken = reply.body().get("access_token").asText();
        return this;
    }

    Reply revoke(String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/services/oauth2/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("token", token)))).build());
    }

    Reply query(String soql) {
        // camel-salesforce's form: "query/?q=" with spaces as %20
        return get("/services/data/v61.0/query/?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    Reply queryAll(String soql) {
        // the other common form: no trailing slash, '+' for spaces
        return get("/services/data/v61.0/queryAll?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    }

    Reply get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET();
        if (accessToken != null) {
            request.header("Authorization", authScheme + " " + accessToken);
        }
        if (batchSizeOption != null) {
            request.header("Sforce-Query-Options", "batchSize=" + batchSizeOption);
        }
        return send(request.build());
    }

    /** Follows nextRecordsUrl to the end; returns every record in order. */
    List<JsonNode> queryAllPages(String soql, boolean all, List<JsonNode> pages) {
        Reply reply = all ? queryAll(soql) : query(soql);
        List<JsonNode> records = new ArrayList<>();
        while (true) {
            if (reply.status() != 200) {
                throw new IllegalStateException("query failed: " + reply);
            }
            if (pages != null) {
                pages.add(reply.body());
            }
            reply.body().get("records").forEach(records::add);
            if (reply.body().get("done").asBoolean()) {
                return records;
            }
            reply = get(reply.body().get("nextRecordsUrl").asText());
        }
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            return new Reply(response.statusCode(), body.length == 0 ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
