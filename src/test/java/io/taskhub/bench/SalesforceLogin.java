package io.taskhub.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A Salesforce session obtained the way every client gets one: the OAuth refresh-token grant. */
record SalesforceLogin(String instanceUrl, String accessToken) {

    /** The SOQL the hub sends for opportunities, so that every contender reads exactly the same pages. */
    static final String OPPORTUNITIES_SOQL = "SELECT Id, Name, StageName, IsClosed, IsWon, IsDeleted, OwnerId, "
            + "SystemModstamp FROM Opportunity ORDER BY SystemModstamp, Id";
    static final String API_VERSION = "61.0";

    static SalesforceLogin login(HttpClient http, String loginUrl, String clientId, String clientSecret,
                                 String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&refresh_token=" + encode(refreshToken);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(loginUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login refused: " + response.body());
        }
        JsonNode token = new ObjectMapper().readTree(response.body());
        return new SalesforceLogin(token.path("instance_url").asText(), token.path("access_token").asText());
    }

    /** The path of the first page of every opportunity, deleted ones included (queryAll), as the hub asks. */
    static String firstPage() {
        return "/services/data/v" + API_VERSION + "/queryAll?q=" + encode(OPPORTUNITIES_SOQL);
    }

    String authorization() {
        return "Bearer " + accessToken;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
