package io.taskhub.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.taskhub.sandbox.xero.XeroSimulator.DEFAULT_CLIENT_ID;
import static io.taskhub.sandbox.xero.XeroSimulator.DEFAULT_CLIENT_SECRET;
import static io.taskhub.sandbox.xero.XeroSimulator.DEFAULT_TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator speaks Xero's wire format: rotation, paging, If-Modified-Since, validation, throttling. */
class XeroSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int CONTACTS = 250;

    private static XeroSimulator xero;

    record Reply(int status, HttpResponse<String> response, JsonNode body) {
    }

    @BeforeAll
    static void start() {
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(CONTACTS));
    }

    @AfterAll
    static void stop() {
        xero.close();
    }

    @Test
    void eachRefreshTokenWorksOnceAndAccessTokensExpire() throws Exception {
        Reply first = refresh(xero.issueRefreshToken());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("expires_in").asInt()).isEqualTo(1800);
        String rotated = first.body().path("refresh_token").asText();

        String used = xero.issueRefreshToken();
        assertThat(refresh(used).status()).isEqualTo(200);
        Reply reused = refresh(used);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(refresh(rotated).status()).isEqualTo(200);

        xero.setAccessTokenLifetime(Duration.ofSeconds(1));
        String shortLived = refresh(xero.issueRefreshToken()).body().path("access_token").asText();
        assertThat(get("/api.xro/2.0/Accounts", shortLived, null).status()).isEqualTo(200);
        Thread.sleep(1100);
        Reply expired = get("/api.xro/2.0/Accounts", shortLived, null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().path("Detail").asText()).isEqualTo("TokenExpired");
        xero.setAccessTokenLifetime(Duration.ofMinutes(30));

        xero.revokeRefreshTokens();
        assertThat(refresh(xero.issueRefreshToken()).status()).isEqualTo(200); // issued after the revocation
        assertThat(refresh(rotated).body().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void connectionsListTheOrganisationsAndTheApiNeedsOne() throws Exception {
        String token = accessToken();
        JsonNode connections = get("/connections", token, null).body();
        assertThat(connections.get(0).path("tenantId").asText()).isEqualTo(DEFAULT_TENANT_ID);
        assertThat(connections.get(0).path("tenantType").asText()).isEqualTo("ORGANISATION");
        Reply noTenant = send(HttpRequest.newBuilder(URI.create(xero.baseUrl() + "/api.xro/2.0/Accounts"))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(noTenant.status()).isEqualTo(403);
    }

    @Test
    void contactsPageByHundredAndFilterByIfModifiedSince() throws Exception {
        String token = accessToken();
        Set<String> ids = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode contacts = get("/api.xro/2.0/Contacts?page=" + page + "&includeArchived=true", token, null)
                    .body().path("Contacts");
            sizes.add(contacts.size());
            contacts.forEach(c -> ids.add(c.path("ContactID").asText()));
        }
        assertThat(sizes).containsExactly(100, 100, 50);
        assertThat(ids).hasSize(CONTACTS);

        JsonNode active = get("/api.xro/2.0/Contacts?page=1&pageSize=1000", token, null).body().path("Contacts");
        assertThat(active.size()).isLessThan(CONTACTS);
        active.forEach(c -> assertThat(c.path("ContactStatus").asText()).isNotEqualTo("ARCHIVED"));

        String renamed = xero.contactId(7);
        xero.renameContact(renamed, "Renamed Ltd");
        String created = xero.createContact("Brand New Ltd", "hello@brand-new.example");
        String since = "2024-01-01T00:02:00"; // after generated contacts 0..120
        JsonNode newest = get("/api.xro/2.0/Contacts?page=1&includeArchived=true&order=UpdatedDateUTC%20DESC",
                token, since).body();
        List<String> newestIds = new ArrayList<>();
        newest.path("Contacts").forEach(c -> newestIds.add(c.path("ContactID").asText()));
        assertThat(newestIds.subList(0, 2)).containsExactly(created, renamed);
        assertThat(newest.path("pagination").path("itemCount").asInt()).isEqualTo(CONTACTS - 121 + 2);
        assertThat(newest.path("Contacts").get(2).path("ContactID").asText()).isEqualTo(xero.contactId(CONTACTS - 1));
        assertThat(xero.contactsRequests().get(xero.contactsRequests().size() - 1).ifModifiedSince()).isEqualTo(since);

        String httpDate = "Mon, 01 Jan 2035 00:00:00 GMT";
        assertThat(get("/api.xro/2.0/Contacts?page=1&includeArchived=true", token, httpDate).body()
                .path("Contacts").size()).isZero();
    }

    @Test
    void anInvoiceWhoseAnswerIsLostIsBookedAndTheSameKeyGetsItAgain() throws Exception {
        String token = accessToken();
        Map<String, Object> invoice = Map.of("Type", "ACCREC", "Contact", Map.of("ContactID", xero.contactId(4)),
                "LineItems", List.of(Map.of("Description", "Support", "Quantity", 1, "UnitAmount", 80,
                        "AccountCode", XeroSimulator.REVENUE_ACCOUNT)));
        int before = xero.invoices().size();
        xero.dropAnswersAfterBooking(1);

        assertThatThrownBy(() -> put("/api.xro/2.0/Invoices", token, Map.of("Invoices", List.of(invoice)), "key-9"))
                .as("booked, but the answer is lost").isInstanceOf(IOException.class);
        assertThat(xero.invoices()).hasSize(before + 1);
        assertThat(put("/api.xro/2.0/Invoices", token, Map.of("Invoices", List.of(invoice)), "key-9").body()
                .path("Invoices").get(0).path("InvoiceID").asText())
                .isEqualTo(xero.invoices().get(before).get("InvoiceID"));
        assertThat(xero.invoices()).hasSize(before + 1);
    }

    @Test
    void invoicesAreValidatedAndBookedOnce() throws Exception {
        String token = accessToken();
        Map<String, Object> line = Map.of("Description", "Consulting", "Quantity", 2, "UnitAmount", 150.5,
                "AccountCode", XeroSimulator.REVENUE_ACCOUNT);
        Map<String, Object> invoice = Map.of("Type", "ACCREC", "Contact", Map.of("ContactID", xero.contactId(3)),
                "Date", "2026-11-01", "DueDate", "2026-11-30", "LineItems", List.of(line));
        int before = xero.invoices().size();

        Reply created = put("/api.xro/2.0/Invoices", token, Map.of("Invoices", List.of(invoice)), "key-1");
        assertThat(created.status()).isEqualTo(200);
        JsonNode booked = created.body().path("Invoices").get(0);
        assertThat(booked.path("Status").asText()).isEqualTo("DRAFT");
        assertThat(booked.path("Total").decimalValue()).isEqualByComparingTo("301.0");
        assertThat(put("/api.xro/2.0/Invoices", token, Map.of("Invoices", List.of(invoice)), "key-1").body()
                .path("Invoices").get(0).path("InvoiceID").asText()).isEqualTo(booked.path("InvoiceID").asText());
        assertThat(xero.invoices()).hasSize(before + 1);

        Map<String, Object> bad = Map.of("Type", "ACCREC", "Contact", Map.of("ContactID", "nobody"),
                "LineItems", List.of(Map.of("Description", "x", "Quantity", 1, "UnitAmount", 1, "AccountCode", "999")));
        Reply refused = put("/api.xro/2.0/Invoices", token, bad, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("Type").asText()).isEqualTo("ValidationException");
        List<String> messages = new ArrayList<>();
        refused.body().path("Elements").get(0).path("ValidationErrors")
                .forEach(e -> messages.add(e.path("Message").asText()));
        assertThat(messages).containsExactly("The contact with ContactID 'nobody' could not be found",
                "Account code '999' is not a valid code for this document.");
        assertThat(xero.invoices()).hasSize(before + 1);
    }

    @Test
    void plannedLimitsAnswerLikeXero() throws Exception {
        String token = accessToken();
        xero.rateLimitNextRequests(1, "day", 3600);
        Reply limited = get("/api.xro/2.0/Accounts", token, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.response().headers().firstValue("X-Rate-Limit-Problem")).hasValue("day");
        assertThat(limited.response().headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(get("/api.xro/2.0/Accounts", token, null).status()).isEqualTo(200);
    }

    private static String accessToken() throws Exception {
        return refresh(xero.issueRefreshToken()).body().path("access_token").asText();
    }

    private static Reply refresh(String refreshToken) throws Exception {
        String basic = Base64.getEncoder().encodeToString((DEFAULT_CLIENT_ID + ":" + DEFAULT_CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(xero.tokenUrl()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8))));
    }

    private static Reply get(String path, String token, String ifModifiedSince) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(xero.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("xero-tenant-id", DEFAULT_TENANT_ID).GET();
        if (ifModifiedSince != null) {
            request.header("If-Modified-Since", ifModifiedSince);
        }
        return send(request);
    }

    private static Reply put(String path, String token, Object body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(xero.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("xero-tenant-id", DEFAULT_TENANT_ID)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private static Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new Reply(response.statusCode(), response,
                text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text));
    }
}
