package io.taskhub.sandbox.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator speaks QuickBooks Online's wire format: rotation, the query subset, CDC, writes, faults. */
class QuickBooksSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int SIZE = 250;

    private static QuickBooksSimulator quickbooks;
    private static String token;

    record Reply(int status, JsonNode body) {
    }

    @BeforeAll
    static void start() throws Exception {
        quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults().withSize(SIZE)
                .withSeededCustomers(List.of(new QuickBooksSimulator.SeededCustomer("Globex Corp", "Globex Corp", null),
                        new QuickBooksSimulator.SeededCustomer("GLOBEX CORP", "Globex Corp", null),
                        new QuickBooksSimulator.SeededCustomer("Ada Adams", null, "ada@contacts.example"))));
        token = refresh(quickbooks.issueRefreshToken()).body().path("access_token").asText();
    }

    @AfterAll
    static void stop() {
        quickbooks.close();
    }

    @Test
    void eachRefreshTokenWorksOnceAndTheApiNeedsAnAccessToken() throws Exception {
        Reply first = refresh(QuickBooksSimulator.DEFAULT_REFRESH_TOKEN);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("expires_in").asInt()).isEqualTo(3600);
        String rotated = first.body().path("refresh_token").asText();
        assertThat(rotated).isNotEqualTo(QuickBooksSimulator.DEFAULT_REFRESH_TOKEN);
        Reply reused = refresh(QuickBooksSimulator.DEFAULT_REFRESH_TOKEN);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(refresh(rotated).status()).isEqualTo(200);

        Reply anonymous = send("GET", "/companyinfo/" + quickbooks.realmId(), null, "Bearer nonsense");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().path("fault").path("error").get(0).path("code").asText()).isEqualTo("3200");
        Reply info = get("/companyinfo/" + quickbooks.realmId());
        assertThat(info.body().path("CompanyInfo").path("CompanyName").asText())
                .isEqualTo(QuickBooksSimulator.DEFAULT_COMPANY_NAME);
        Reply otherCompany = send("GET", "/companyinfo/1", null, "Bearer " + token, "/v3/company/1");
        assertThat(otherCompany.status()).isEqualTo(403);
    }

    @Test
    void customersPageAndInactiveOnesComeOnlyWhenAskedFor() throws Exception {
        Set<String> ids = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        for (int start = 1; start <= 201; start += 100) {
            JsonNode page = query("select * from Customer where Active in (true, false) startposition " + start
                    + " maxresults 100").path("QueryResponse").path("Customer");
            sizes.add(page.size());
            page.forEach(c -> ids.add(c.path("Id").asText()));
        }
        int created = quickbooks.customerNamed("Brand New Ltd") == null ? 0 : 1; // by another test, maybe before
        assertThat(sizes).containsExactly(100, 100, 50 + created);
        assertThat(ids).hasSize(SIZE + created);
        JsonNode active = query("select * from Customer maxresults 1000").path("QueryResponse").path("Customer");
        assertThat(active.size()).isLessThan(SIZE);
        active.forEach(c -> assertThat(c.path("Active").asBoolean()).isTrue());

        assertThat(quickbooks.record(quickbooks.id(QuickBooksEntity.CUSTOMER, 1)).get("DisplayName"))
                .as("seeded customers come first, a duplicate name left out").isEqualTo("Ada Adams");
        JsonNode globex = query("select * from Customer where DisplayName = 'globex corp'").path("QueryResponse");
        assertThat(globex.path("Customer").get(0).path("CompanyName").asText()).isEqualTo("Globex Corp");
        JsonNode like = query("select * from Customer where PrimaryEmailAddr like '%@contacts.example'");
        assertThat(like.path("QueryResponse").path("Customer").get(0).path("DisplayName").asText())
                .isEqualTo("Ada Adams");
        String stamp = active.get(0).path("MetaData").path("LastUpdatedTime").asText();
        assertThat(stamp).as("the company's Pacific offset").matches(".*-0[78]:00$");
    }

    @Test
    void anUpdateTimeBoundAnswersWhatChangedAndChangeDataCaptureReportsDeletions() throws Exception {
        String since = OffsetDateTime.now(ZoneOffset.ofHours(-8)).minusMinutes(1).withNano(0).toString();
        String invoice = quickbooks.id(QuickBooksEntity.INVOICE, 7);
        String estimate = quickbooks.id(QuickBooksEntity.ESTIMATE, 3);
        quickbooks.update(invoice, Map.of("Balance", 0));
        quickbooks.delete(estimate);

        JsonNode changed = query("select * from Invoice where Metadata.LastUpdatedTime >= '" + since + "'")
                .path("QueryResponse").path("Invoice");
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).path("Id").asText()).isEqualTo(invoice);
        assertThat(changed.get(0).path("SyncToken").asText()).isEqualTo("1");
        assertThat(query("select * from Estimate where Id = '" + estimate + "'").path("QueryResponse").isEmpty())
                .isTrue();

        JsonNode cdc = get("/cdc?entities=Invoice,Estimate&changedSince=" + encode(since)).body();
        JsonNode parts = cdc.path("CDCResponse").get(0).path("QueryResponse");
        assertThat(parts.get(0).path("Invoice").get(0).path("Id").asText()).isEqualTo(invoice);
        assertThat(parts.get(1).path("Estimate").get(0).path("status").asText()).isEqualTo("Deleted");
        assertThat(parts.get(1).path("Estimate").get(0).path("Id").asText()).isEqualTo(estimate);
        Reply tooOld = get("/cdc?entities=Invoice&changedSince=" + encode("2020-01-01T00:00:00-08:00"));
        assertThat(tooOld.status()).isEqualTo(400);

        Reply parserError = get("/query?query=" + encode("select Id from Invoice"));
        assertThat(parserError.body().path("Fault").path("Error").get(0).path("code").asText()).isEqualTo("4000");
    }

    @Test
    void customersAreCreatedWithUniqueNamesAndUpdatedSparselyWithTheirSyncToken() throws Exception {
        Reply created = send("POST", "/customer", "{\"DisplayName\": \"Brand New Ltd\", \"CompanyName\": "
                + "\"Brand New Ltd\", \"PrimaryEmailAddr\": {\"Address\": \"hello@brand-new.example\"}}");
        assertThat(created.status()).isEqualTo(200);
        String id = created.body().path("Customer").path("Id").asText();
        assertThat(quickbooks.customerNamed("brand new ltd")).isEqualTo(id);

        Reply duplicate = send("POST", "/customer", "{\"DisplayName\": \"BRAND NEW LTD\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body().path("Fault").path("Error").get(0).path("code").asText()).isEqualTo("6240");

        Reply stale = send("POST", "/customer", "{\"Id\": \"" + id + "\", \"SyncToken\": \"7\", \"sparse\": true, "
                + "\"WebAddr\": {\"URI\": \"https://brand-new.example\"}}");
        assertThat(stale.body().path("Fault").path("Error").get(0).path("code").asText()).isEqualTo("5010");
        Reply updated = send("POST", "/customer", "{\"Id\": \"" + id + "\", \"SyncToken\": \"0\", \"sparse\": true, "
                + "\"WebAddr\": {\"URI\": \"https://brand-new.example\"}}");
        JsonNode customer = updated.body().path("Customer");
        assertThat(customer.path("WebAddr").path("URI").asText()).isEqualTo("https://brand-new.example");
        assertThat(customer.path("PrimaryEmailAddr").path("Address").asText()).as("left as it was")
                .isEqualTo("hello@brand-new.example");
        assertThat(customer.path("SyncToken").asText()).isEqualTo("1");
    }

    @Test
    void throttlingIsA429OrAFaultInsideA200() throws Exception {
        quickbooks.throttleNextRequests(1);
        quickbooks.throttleNextRequestsInsideOk(1);
        Reply tooMany = get("/companyinfo/" + quickbooks.realmId());
        assertThat(tooMany.status()).isEqualTo(429);
        Reply insideOk = get("/companyinfo/" + quickbooks.realmId());
        assertThat(insideOk.status()).isEqualTo(200);
        assertThat(insideOk.body().path("Fault").path("Error").get(0).path("code").asText()).isEqualTo("3001");
        assertThat(get("/companyinfo/" + quickbooks.realmId()).body().has("CompanyInfo")).isTrue();
    }

    private static JsonNode query(String query) throws Exception {
        Reply reply = get("/query?query=" + encode(query) + "&minorversion=75");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private static Reply get(String path) throws Exception {
        return send("GET", path, null);
    }

    private static Reply send(String method, String path, String body) throws Exception {
        return send(method, path, body, "Bearer " + token);
    }

    private static Reply send(String method, String path, String body, String authorization) throws Exception {
        return send(method, path, body, authorization, "/v3/company/" + quickbooks.realmId());
    }

    private static Reply send(String method, String path, String body, String authorization, String company)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(quickbooks.baseUrl() + company + path))
                .header("Authorization", authorization).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private static Reply refresh(String refreshToken) throws Exception {
        String basic = Base64.getEncoder().encodeToString((QuickBooksSimulator.DEFAULT_CLIENT_ID + ":"
                + QuickBooksSimulator.DEFAULT_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(quickbooks.tokenUrl()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + encode(refreshToken))).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
