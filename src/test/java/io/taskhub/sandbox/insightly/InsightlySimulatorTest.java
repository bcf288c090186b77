package io.taskhub.sandbox.insightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator over HTTP, as the hub meets it: authentication, paging, searches, changes, throttling. */
class InsightlySimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private InsightlySimulator insightly;

    @BeforeEach
    void start() {
        insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults().withSize(50)
                .withCount(InsightlyType.CONTACTS, 1200).withUsers(List.of("a@x.test", "b@x.test")));
    }

    @AfterEach
    void stop() {
        insightly.close();
    }

    @Test
    void theApiKeyIsTheBasicUserName() throws Exception {
        assertThat(get("/Users/Me", null).statusCode()).isEqualTo(401);
        assertThat(get("/Users/Me", basic("wrong-key")).body()).contains("Authorization has been denied");

        JsonNode me = body(get("/Users/Me", basic(InsightlySimulator.DEFAULT_API_KEY + ":ignored")));
        assertThat(me.path("EMAIL_ADDRESS").asText()).isEqualTo("a@x.test");
        JsonNode users = body(get("/Users", key()));
        assertThat(users).hasSize(2);
        assertThat(insightly.users()).containsEntry(users.get(1).path("USER_ID").asLong(), "b@x.test");
    }

    @Test
    void listsPageInIdOrderUpTo500AndSkipDeletedRecords() throws Exception {
        long deleted = insightly.id(InsightlyType.CONTACTS, 3);
        insightly.delete(deleted);
        List<Long> ids = new ArrayList<>();
        for (int skip = 0; ; skip += 500) {
            JsonNode page = body(get("/Contacts?brief=true&skip=" + skip + "&top=500", key()));
            page.forEach(record -> ids.add(record.path("CONTACT_ID").asLong()));
            if (page.size() < 500) {
                break;
            }
        }
        assertThat(ids).hasSize(1199).doesNotContain(deleted).isSorted().doesNotHaveDuplicates();
        assertThat(get("/Contacts?top=501", key()).statusCode()).isEqualTo(400);
        assertThat(get("/Contacts/" + deleted, key()).statusCode()).isEqualTo(404);
        assertThat(get("/Widgets", key()).statusCode()).isEqualTo(404);
    }

    @Test
    void briefLeavesOutTheSubCollections() throws Exception {
        JsonNode full = body(get("/Tasks?top=1", key())).get(0);
        JsonNode brief = body(get("/Tasks?top=1&brief=true", key())).get(0);
        assertThat(full.has("CUSTOMFIELDS")).isTrue();
        assertThat(brief.has("CUSTOMFIELDS")).isFalse();
        assertThat(brief.path("DATE_UPDATED_UTC").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(brief.path("COMPLETED").asBoolean()).isEqualTo("COMPLETED".equals(brief.path("STATUS").asText()));
    }

    @Test
    void searchesReturnWhatChangedAfterTheTimeInUpdateOrder() throws Exception {
        long renamed = insightly.id(InsightlyType.OPPORTUNITIES, 0);
        insightly.update(renamed, Map.of("OPPORTUNITY_STATE", "WON"));
        long created = insightly.create(InsightlyType.OPPORTUNITIES, Map.of("OPPORTUNITY_NAME", "Brand new"));

        // the last generated opportunity (index 49) was updated at 2023-01-01 00:08:10
        JsonNode recent = body(get("/Opportunities/Search?updated_after_utc=2023-01-01%2000:08:00&top=500", key()));
        List<Long> ids = new ArrayList<>();
        recent.forEach(record -> ids.add(record.path("OPPORTUNITY_ID").asLong()));
        assertThat(ids).containsExactly(insightly.id(InsightlyType.OPPORTUNITIES, 49), renamed, created);
        assertThat(recent.get(1).path("OPPORTUNITY_STATE").asText()).isEqualTo("WON");
        assertThat(recent.get(2).path("OPPORTUNITY_NAME").asText()).isEqualTo("Brand new");

        String now = (String) insightly.record(created).get("DATE_UPDATED_UTC");
        assertThat(body(get("/Opportunities/Search?updated_after_utc=" + now.replace(' ', 'T') + "Z", key())))
                .isEmpty();
        assertThat(get("/Opportunities/Search?updated_after_utc=soon", key()).statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> insightly.update(renamed, Map.of("NO_SUCH_FIELD", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throttledRequestsAskToRetryAfterSomeSeconds() throws Exception {
        insightly.throttleNextRequests(2, 3);
        HttpResponse<String> first = get("/Leads", key());
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(get("/Leads", key()).statusCode()).isEqualTo(429);
        assertThat(get("/Leads", key()).statusCode()).isEqualTo(200);
        assertThat(insightly.throttledCount()).isEqualTo(2);
        assertThat(insightly.requestCount()).isEqualTo(3);
        assertThat(insightly.requestLog()).last().isEqualTo("GET /v3.1/Leads");
    }

    @Test
    void generatedDataDependOnTheSeedOnly() {
        try (InsightlySimulator twin = InsightlySimulator.start(InsightlySimulator.Options.defaults().withSize(50)
                .withUsers(List.of("a@x.test", "b@x.test")))) {
            for (InsightlyType type : InsightlyType.values()) {
                long id = insightly.id(type, 17);
                assertThat(twin.record(id)).isEqualTo(insightly.record(id));
            }
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(insightly.baseUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String key() {
        return basic(InsightlySimulator.DEFAULT_API_KEY + ":");
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
