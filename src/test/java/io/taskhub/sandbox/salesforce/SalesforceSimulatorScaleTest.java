package io.taskhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sizes the benchmark will use; these must stay fast because nothing is materialised. */
class SalesforceSimulatorScaleTest {

    @Test
    void millionOpportunitiesAnswerFirstPageAndLatestChangesQuickly() {
        try (SalesforceSimulator simulator = SalesforceSimulator.start(
                SalesforceSimulator.Options.defaults().withOpportunities(1_000_000))) {
            SalesforceTestClient client = new SalesforceTestClient(simulator).login();
            simulator.update(simulator.opportunityId(10), Map.of("StageName", "Closed Lost"));

            long start = System.nanoTime();
            JsonNode first = client.query("SELECT Id, Name, StageName, SystemModstamp FROM Opportunity"
                    + " ORDER BY SystemModstamp, Id").body();
            Duration firstPage = Duration.ofNanos(System.nanoTime() - start);

            assertThat(first.get("totalSize").asInt()).isEqualTo(1_000_000);
            assertThat(first.get("records").size()).isEqualTo(2000);
            assertThat(first.get("done").asBoolean()).isFalse();

            String since = (String) simulator.record(simulator.opportunityId(999_990)).get("SystemModstamp");
            start = System.nanoTime();
            JsonNode tail = client.query("SELECT Id, SystemModstamp FROM Opportunity WHERE SystemModstamp > "
                    + since + " ORDER BY SystemModstamp, Id").body();
            Duration tailQuery = Duration.ofNanos(System.nanoTime() - start);

            assertThat(tail.get("totalSize").asInt()).isEqualTo(10);
            assertThat(tail.get("records").get(0).get("Id").asText()).isEqualTo(simulator.opportunityId(999_991));
            assertThat(tail.get("records").get(9).get("Id").asText()).isEqualTo(simulator.opportunityId(10));
            System.out.printf("1,000,000 opportunities: first page %d ms, tail query %d ms%n",
                    firstPage.toMillis(), tailQuery.toMillis());
            // generous: only materialising the data set could be this slow
            assertThat(tailQuery).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void servesFiftyThousandOpportunitiesPageByPage() {
        try (SalesforceSimulator simulator = SalesforceSimulator.start(
                SalesforceSimulator.Options.defaults().withOpportunities(50_000))) {
            SalesforceTestClient client = new SalesforceTestClient(simulator).login();
            String soql = "SELECT Id, Name, StageName, IsClosed, IsWon, IsDeleted, Amount, CloseDate, OwnerId,"
                    + " AccountId, CreatedDate, LastModifiedDate, SystemModstamp FROM Opportunity"
                    + " ORDER BY SystemModstamp, Id";
            client.query(soql.replace("ORDER BY", "WHERE IsDeleted = false ORDER BY")); // warm-up

            long start = System.nanoTime();
            int served = client.queryAllPages(soql, false, null).size();
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(served).isEqualTo(50_000);
            System.out.printf("served %d opportunities in %.2f s: %.0f records/s (HTTP and client parsing included)%n",
                    served, seconds, served / seconds);
        }
    }
}
