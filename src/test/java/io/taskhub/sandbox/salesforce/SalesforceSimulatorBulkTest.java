package io.taskhub.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bulk API 2.0 query jobs of the simulator, spoken to over plain HTTP as Salesforce documents them. */
class SalesforceSimulatorBulkTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String JOBS = "/services/data/v61.0/jobs/query";

    private final SalesforceSimulator salesforce = SalesforceSimulator.start(
            SalesforceSimulator.Options.defaults().withOpportunities(25).withCases(0));
    private final String token = new SalesforceTestClient(salesforce).login().accessToken;

    @AfterEach
    void stop() {
        salesforce.close();
    }

    @Test
    void aQueryAllJobCompletesThenAnswersQuotedCsvSetsByLocatorUntilNull() throws Exception {
        salesforce.processBulkJobsFor(Duration.ofSeconds(2));
        salesforce.update(salesforce.opportunityId(3), Map.of("Name", "Acme, \"big\"\ndeal"));
        salesforce.delete(salesforce.opportunityId(4));

        JsonNode job = json(send("POST", JOBS, "{\"operation\":\"queryAll\",\"query\":\"SELECT Id, Name, IsDeleted, "
                + "SystemModstamp FROM Opportunity\",\"contentType\":\"CSV\",\"columnDelimiter\":\"COMMA\","
                + "\"lineEnding\":\"LF\"}"));
        assertThat(job.path("state").asText()).isEqualTo("UploadComplete");
        assertThat(job.path("id").asText()).startsWith("750");
        String results = JOBS + "/" + job.path("id").asText() + "/results";
        assertThat(send("GET", results, null).statusCode()).isEqualTo(400);
        Thread.sleep(2100);
        JsonNode done = json(send("GET", JOBS + "/" + job.path("id").asText(), null));
        assertThat(done.path("state").asText()).isEqualTo("JobComplete");
        assertThat(done.path("numberRecordsProcessed").asLong()).isEqualTo(25);

        HttpResponse<String> first = send("GET", results + "?maxRecords=10", null);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(first.headers().firstValue("Sforce-NumberOfRecords")).hasValue("10");
        String locator = first.headers().firstValue("Sforce-Locator").orElseThrow();
        assertThat(first.body()).startsWith("\"Id\",\"Name\",\"IsDeleted\",\"SystemModstamp\"\n")
                .contains("\"Acme, \"\"big\"\"\ndeal\"")
                .contains("\"" + salesforce.opportunityId(4) + "\",")
                .contains("\"true\"")
                .contains("\"2024-01-01T00:00:00.000Z\"");
        HttpResponse<String> second = send("GET", results + "?locator=" + locator + "&maxRecords=10", null);
        HttpResponse<String> again = send("GET", results + "?locator=" + locator + "&maxRecords=10", null);
        assertThat(again.body()).isEqualTo(second.body());
        String third = second.headers().firstValue("Sforce-Locator").orElseThrow();
        HttpResponse<String> last = send("GET", results + "?locator=" + third + "&maxRecords=10", null);
        assertThat(last.headers().firstValue("Sforce-NumberOfRecords")).hasValue("5");
        assertThat(last.headers().firstValue("Sforce-Locator")).hasValue("null");
        assertThat(salesforce.bulkRequestCount()).isEqualTo(7);
    }

    @Test
    void aPlannedResultsFailureLeavesTheLocatorValid() throws Exception {
        salesforce.processBulkJobsFor(Duration.ZERO);
        JsonNode job = json(send("POST", JOBS, "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Opportunity\","
                + "\"contentType\":\"CSV\"}"));
        salesforce.failBulkResults(0, 1, 503, "[{\"errorCode\":\"SERVER_UNAVAILABLE\",\"message\":\"down\"}]");
        String results = JOBS + "/" + job.path("id").asText() + "/results";

        assertThat(send("GET", results, null).statusCode()).isEqualTo(503);
        assertThat(send("GET", results, null).body().lines().count()).isEqualTo(26);
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SalesforceTestClient.JSON.readTree(response.body());
    }
}
