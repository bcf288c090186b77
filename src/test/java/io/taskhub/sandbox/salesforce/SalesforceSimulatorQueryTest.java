package io.taskhub.sandbox.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceSimulatorQueryTest {

    private static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000";
    private static final String ALL_OPPORTUNITY_FIELDS = "Id, Name, StageName, IsClosed, IsWon, IsDeleted, Amount,"
            + " CloseDate, OwnerId, AccountId, CreatedDate, LastModifiedDate, SystemModstamp";
    private static final Set<String> STAGES = Set.of("Prospecting", "Qualification", "Needs Analysis",
            "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
            "Negotiation/Review", "Closed Won", "Closed Lost");

    private SalesforceSimulator simulator;
    private SalesforceTestClient client;

    @BeforeEach
    void start() {
        simulator = SalesforceSimulator.start();
        client = new SalesforceTestClient(simulator).login();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void answersOnlySelectedFieldsInSalesforceShape() {
        SalesforceTestClient.Reply reply = client.query("select id, Name, StageName, Amount, CloseDate, "
                + "SystemModstamp from opportunity order by SystemModstamp, Id limit 5");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(fieldNames(body)).containsExactly("totalSize", "done", "records");
        assertThat(body.get("totalSize").asInt()).isEqualTo(5);
        assertThat(body.get("done").asBoolean()).isTrue();
        for (int i = 0; i < 5; i++) {
            JsonNode record = body.get("records").get(i);
            String id = simulator.opportunityId(i);
            assertThat(fieldNames(record)).containsExactly("attributes", "Id", "Name", "StageName", "Amount",
                    "CloseDate", "SystemModstamp");
            assertThat(record.get("attributes").get("type").asText()).isEqualTo("Opportunity");
            assertThat(record.get("attributes").get("url").asText())
                    .isEqualTo("/services/data/v61.0/sobjects/Opportunity/" + id);
            assertThat(record.get("Id").asText()).isEqualTo(id).hasSize(18).startsWith("006");
            assertThat(record.get("Amount").isNumber()).isTrue();
            assertThat(record.get("CloseDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(record.get("SystemModstamp").asText()).matches(DATETIME);
        }
        assertThat(body.get("records").get(0).get("SystemModstamp").asText())
                .isEqualTo("2024-01-01T00:00:00.000+0000");
        assertThat(body.get("records").get(4).get("SystemModstamp").asText())
                .isEqualTo("2024-01-01T00:00:04.000+0000");
    }

    @Test
    void generatedOpportunitiesAreConsistentAndMixed() {
        List<JsonNode> records = client.queryAllPages("SELECT " + ALL_OPPORTUNITY_FIELDS + " FROM Opportunity",
                false, null);

        assertThat(records).hasSize(300);
        int closedWon = 0;
        int closedLost = 0;
        for (JsonNode r : records) {
            String stage = r.get("StageName").asText();
            assertThat(stage).isIn(STAGES);
            assertThat(r.get("IsClosed").asBoolean()).isEqualTo(stage.startsWith("Closed"));
            assertThat(r.get("IsWon").asBoolean()).isEqualTo(stage.equals("Closed Won"));
            assertThat(r.get("IsDeleted").asBoolean()).isFalse();
            assertThat(r.get("Name").asText()).isNotBlank();
            assertThat(r.get("OwnerId").asText()).startsWith("005").hasSize(18);
            assertThat(r.get("AccountId").asText()).startsWith("001").hasSize(18);
            assertThat(r.get("CreatedDate").asText()).matches(DATETIME)
                    .isLessThan(r.get("SystemModstamp").asText());
            assertThat(r.get("LastModifiedDate").asText()).isEqualTo(r.get("SystemModstamp").asText());
            closedWon += stage.equals("Closed Won") ? 1 : 0;
            closedLost += stage.equals("Closed Lost") ? 1 : 0;
        }
        assertThat(closedWon).isBetween(15, 70);
        assertThat(closedLost).isBetween(10, 50);
        assertThat(300 - closedWon - closedLost).isGreaterThan(180);
        assertThat(records.stream().map(r -> r.get("Id").asText())).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void generatedCasesAreConsistent() {
        List<JsonNode> records = client.queryAllPages("SELECT Id, CaseNumber, Subject, Status, IsClosed, "
                + "IsDeleted, Priority, OwnerId, CreatedDate, LastModifiedDate, SystemModstamp FROM Case", false, null);

        assertThat(records).hasSize(200);
        assertThat(records.get(0).get("CaseNumber").asText()).isEqualTo("00000001");
        assertThat(records.get(0).get("Id").asText()).isEqualTo(simulator.caseId(0)).startsWith("500");
        for (JsonNode r : records) {
            assertThat(r.get("CaseNumber").asText()).matches("\\d{8}");
            assertThat(r.get("Status").asText()).isIn("New", "Working", "Escalated", "Closed");
            assertThat(r.get("IsClosed").asBoolean()).isEqualTo(r.get("Status").asText().equals("Closed"));
            assertThat(r.get("Priority").asText()).isIn("High", "Medium", "Low");
            assertThat(r.get("Subject").asText()).isNotBlank();
        }
        assertThat(records.stream().map(r -> r.get("Status").asText()).distinct()).hasSize(4);
    }

    @Test
    void queryHidesRecycleBinAndQueryAllShowsIt() {
        String deleted = simulator.opportunityId(3);
        simulator.delete(deleted);

        JsonNode live = client.query("SELECT Id FROM Opportunity").body();
        JsonNode all = client.queryAll("SELECT Id, IsDeleted FROM Opportunity").body();

        assertThat(live.get("totalSize").asInt()).isEqualTo(299);
        assertThat(ids(live)).doesNotContain(deleted);
        assertThat(all.get("totalSize").asInt()).isEqualTo(300);
        assertThat(ids(all)).contains(deleted);
        JsonNode onlyDeleted = client.queryAll("SELECT Id, IsDeleted FROM Opportunity WHERE IsDeleted = true").body();
        assertThat(ids(onlyDeleted)).containsExactly(deleted);
        assertThat(onlyDeleted.get("records").get(0).get("IsDeleted").asBoolean()).isTrue();
        assertThat(simulator.record(deleted)).containsEntry("IsDeleted", true);

        simulator.undelete(deleted);
        assertThat(client.query("SELECT Id FROM Opportunity").body().get("totalSize").asInt()).isEqualTo(300);
    }

    @Test
    void systemModstampFilterReturnsNewerRecordsAndChangesInOrder() {
        String since = (String) simulator.record(simulator.opportunityId(290)).get("SystemModstamp");
        String changed = simulator.opportunityId(5);
        simulator.update(changed, Map.of("StageName", "Closed Won", "Amount", 1234.5));
        String created = simulator.createOpportunity("Brand new deal", "Prospecting");
        simulator.putMalformed(simulator.opportunityId(7), Map.of("Id", simulator.opportunityId(7),
                "SystemModstamp", "not a date"));

        JsonNode body = client.query("SELECT Id, StageName, IsClosed, IsWon, Amount, SystemModstamp FROM Opportunity"
                + " WHERE SystemModstamp > " + since + " ORDER BY SystemModstamp, Id").body();

        List<String> expected = new ArrayList<>();
        for (int i = 291; i < 300; i++) {
            expected.add(simulator.opportunityId(i));
        }
        expected.add(changed);
        expected.add(created);
        expected.add(simulator.opportunityId(7));
        assertThat(ids(body)).containsExactlyElementsOf(expected);
        assertThat(body.get("totalSize").asInt()).isEqualTo(12);
        JsonNode updated = body.get("records").get(9);
        assertThat(updated.get("IsClosed").asBoolean()).isTrue();
        assertThat(updated.get("IsWon").asBoolean()).isTrue();
        assertThat(updated.get("Amount").asDouble()).isEqualTo(1234.5);
        List<String> stamps = new ArrayList<>();
        body.get("records").forEach(r -> stamps.add(r.get("SystemModstamp").asText()));
        assertThat(stamps.subList(0, 11)).isSorted().doesNotHaveDuplicates();
        assertThat(stamps.get(11)).isEqualTo("not a date");

        // the same instant in the other literal form, and LastModifiedDate, select the same records
        String sinceOtherForm = since.replace(".000+0000", "Z");
        assertThat(ids(client.query("SELECT Id FROM Opportunity WHERE LastModifiedDate > " + sinceOtherForm
                + " ORDER BY LastModifiedDate").body())).containsExactlyElementsOf(expected);
        assertThat(ids(client.query("SELECT Id FROM Opportunity WHERE SystemModstamp >= " + since
                + " AND SystemModstamp <= " + since).body())).containsExactly(simulator.opportunityId(290));
    }

    @Test
    void pagesFollowNextRecordsUrlWithBatchSize() {
        simulator.close();
        simulator = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(650));
        client = new SalesforceTestClient(simulator).login();
        client.batchSizeOption = "200";
        simulator.resetCounters();

        List<JsonNode> pages = new ArrayList<>();
        List<JsonNode> records = client.queryAllPages(
                "SELECT Id, Name FROM Opportunity ORDER BY SystemModstamp, Id", false, pages);

        assertThat(pages).hasSize(4);
        assertThat(pages.stream().map(p -> p.get("records").size())).containsExactly(200, 200, 200, 50);
        assertThat(pages.stream().map(p -> p.get("totalSize").asInt())).containsOnly(650);
        assertThat(pages.get(0).get("nextRecordsUrl").asText())
                .matches("/services/data/v61\\.0/query/01g[0-9A-Za-z]{15}-200");
        assertThat(pages.get(1).get("nextRecordsUrl").asText()).endsWith("-400");
        assertThat(pages.get(3).has("nextRecordsUrl")).isFalse();
        assertThat(records.stream().map(r -> r.get("Id").asText()))
                .containsExactlyElementsOf(expectedIds(650));
        assertThat(simulator.queryRequestCount()).isEqualTo(4);
        assertThat(simulator.recordsServed()).isEqualTo(650);
    }

    @Test
    void defaultPageIs2000AndLimitSpansPages() {
        simulator.close();
        simulator = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(2500));
        client = new SalesforceTestClient(simulator).login();

        List<JsonNode> pages = new ArrayList<>();
        client.queryAllPages("SELECT Id FROM Opportunity", false, pages);
        assertThat(pages.stream().map(p -> p.get("records").size())).containsExactly(2000, 500);

        client.batchSizeOption = "200";
        pages.clear();
        List<JsonNode> limited = client.queryAllPages("SELECT Id FROM Opportunity ORDER BY Id LIMIT 450", false,
                pages);
        assertThat(pages.stream().map(p -> p.get("records").size())).containsExactly(200, 200, 50);
        assertThat(pages.get(0).get("totalSize").asInt()).isEqualTo(450);
        assertThat(limited.stream().map(r -> r.get("Id").asText())).containsExactlyElementsOf(expectedIds(450));
    }

    @Test
    void locatorErrorsAndRetryOfTheSamePage() {
        simulator.close();
        simulator = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(500));
        client = new SalesforceTestClient(simulator).login();
        client.batchSizeOption = "200";
        JsonNode first = client.queryAll("SELECT Id FROM Opportunity WHERE IsDeleted = false").body();
        simulator.createOpportunity("one more", "Prospecting"); // after the snapshot: not in this result
        String second = first.get("nextRecordsUrl").asText();

        JsonNode secondPage = client.get(second).body();
        JsonNode retried = client.get(second).body();
        assertThat(ids(retried)).containsExactlyElementsOf(ids(secondPage)).hasSize(200);
        assertThat(retried.get("nextRecordsUrl").asText()).isEqualTo(secondPage.get("nextRecordsUrl").asText());
        JsonNode last = client.get(secondPage.get("nextRecordsUrl").asText()).body();
        assertThat(ids(last)).hasSize(100).doesNotContainAnyElementsOf(ids(secondPage));
        assertThat(last.get("done").asBoolean()).isTrue();
        assertThat(last.get("totalSize").asInt()).isEqualTo(500);
        // a finished cursor is closed, as in Salesforce
        assertInvalidLocator(client.get(secondPage.get("nextRecordsUrl").asText()));

        assertInvalidLocator(client.get("/services/data/v61.0/query/01gDn0000000999AAA-200"));
        JsonNode again = client.query("SELECT Id FROM Opportunity").body();
        assertThat(again.get("totalSize").asInt()).isEqualTo(501);
        String next = again.get("nextRecordsUrl").asText();
        assertInvalidLocator(client.get(next.replace("-200", "-400")));
        assertInvalidLocator(client.get(next.replace("-200", "-0")));
        assertInvalidLocator(client.get(next.replace("-200", "")));
        assertThat(client.get(next).status()).isEqualTo(200);
    }

    @Test
    void soqlErrorsUseSalesforceCodes() {
        assertError(client.query("SELECT Id, Foo FROM Opportunity"), 400, "INVALID_FIELD",
                "No such column 'Foo' on entity 'Opportunity'.");
        assertError(client.query("SELECT Id FROM Opportunity WHERE Bar = 1"), 400, "INVALID_FIELD",
                "No such column 'Bar' on entity 'Opportunity'.");
        assertError(client.query("SELECT Id FROM Foo"), 400, "INVALID_TYPE", "sObject type 'Foo' is not supported.");
        assertError(client.query("SELECT Id FROM Opportunity WHERE SystemModstamp > '2024-01-01'"), 400,
                "INVALID_FIELD", "value of filter criterion for field 'SystemModstamp' must be of type dateTime");
        assertError(client.query("SELECT Id FROM Opportunity WHERE Id = 'abc'"), 400,
                "INVALID_QUERY_FILTER_OPERATOR", "invalid ID field: abc");
        for (String malformed : List.of("SELECT FROM Opportunity", "SELECT Id Opportunity", "Id FROM Opportunity",
                "SELECT Id FROM Opportunity WHERE", "SELECT Id FROM Opportunity LIMIT x",
                "SELECT Id FROM Opportunity WHERE IsDeleted = false OR IsWon = true", "SELECT Id, Id FROM Case",
                "SELECT Id FROM Opportunity ORDER SystemModstamp", "")) {
            assertError(client.query(malformed), 400, "MALFORMED_QUERY", "");
        }
    }

    @Test
    void idFilterAcceptsFifteenAndEighteenCharacterIds() {
        String id = simulator.caseId(42);
        assertThat(ids(client.query("SELECT Id FROM Case WHERE Id = '" + id + "'").body())).containsExactly(id);
        assertThat(ids(client.query("SELECT Id FROM Case WHERE Id = '" + id.substring(0, 15) + "'").body()))
                .containsExactly(id);
        assertThat(client.query("SELECT Id FROM Case WHERE Id = '" + simulator.opportunityId(1) + "'").body()
                .get("totalSize").asInt()).isZero();
    }

    @Test
    void purgedRecordsVanishEvenFromQueryAll() {
        String purged = simulator.opportunityId(7);
        String created = simulator.createOpportunity("Short-lived", "Qualification");
        simulator.delete(created);
        simulator.purge(purged);
        simulator.purge(created);

        JsonNode all = client.queryAll("SELECT Id FROM Opportunity").body();

        assertThat(all.get("totalSize").asInt()).isEqualTo(299);
        assertThat(ids(all)).doesNotContain(purged, created);
        assertThat(simulator.record(purged)).isNull();
        assertThatThrownBy(() -> simulator.update(purged, Map.of("Name", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plannedFailuresThenRecovery() {
        client.batchSizeOption = "200";
        String body = "[{\"message\":\"An unexpected error occurred\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]";
        JsonNode first = client.query("SELECT Id FROM Opportunity").body();
        simulator.failNextRequests(2, 500, body);

        String next = first.get("nextRecordsUrl").asText();
        assertError(client.get(next), 500, "UNKNOWN_EXCEPTION", "An unexpected error occurred");
        assertError(client.query("SELECT Id FROM Opportunity"), 500, "UNKNOWN_EXCEPTION", "");
        assertThat(client.get(next).body().get("records").size()).isEqualTo(100);

        simulator.rateLimitNextRequests(1);
        assertError(client.query("SELECT Id FROM Case"), 403, "REQUEST_LIMIT_EXCEEDED",
                "TotalRequests Limit exceeded.");
        assertThat(client.query("SELECT Id FROM Case").status()).isEqualTo(200);
    }

    @Test
    void sessionCheckComesBeforePlannedFailures() {
        simulator.rateLimitNextRequests(1);
        simulator.expireSessions();
        SalesforceSimulatorOAuthTest.assertInvalidSession(client.query("SELECT Id FROM Case"));
        client.login();
        assertThat(client.query("SELECT Id FROM Case").status()).isEqualTo(403);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        String soql = "SELECT " + ALL_OPPORTUNITY_FIELDS + " FROM Opportunity";
        List<JsonNode> original = client.queryAllPages(soql, false, null);
        try (SalesforceSimulator twin = SalesforceSimulator.start();
             SalesforceSimulator other = SalesforceSimulator.start(
                     SalesforceSimulator.Options.defaults().withSeed(7))) {
            assertThat(new SalesforceTestClient(twin).login().queryAllPages(soql, false, null))
                    .isEqualTo(original);
            List<JsonNode> different = new SalesforceTestClient(other).login().queryAllPages(soql, false, null);
            assertThat(different.stream().map(r -> r.get("Id"))).isEqualTo(original.stream().map(r -> r.get("Id"))
                    .collect(Collectors.toList()));
            assertThat(different).isNotEqualTo(original);
        }
    }

    @Test
    void otherOrdersAndDescending() {
        JsonNode newest = client.query("SELECT Id FROM Opportunity ORDER BY SystemModstamp DESC LIMIT 3").body();
        assertThat(ids(newest)).containsExactly(simulator.opportunityId(299), simulator.opportunityId(298),
                simulator.opportunityId(297));

        client.batchSizeOption = "200";
        List<JsonNode> byAmount = client.queryAllPages("SELECT Id, Amount, Name FROM Opportunity "
                + "WHERE StageName != 'Closed Lost' ORDER BY Amount DESC, Name", false, null);
        assertThat(byAmount).hasSizeGreaterThan(200);
        List<Double> amounts = byAmount.stream().map(r -> r.get("Amount").asDouble()).collect(Collectors.toList());
        assertThat(amounts).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(byAmount.stream().map(r -> r.get("Id").asText())).doesNotHaveDuplicates();
        long expected = client.query("SELECT Id FROM Opportunity WHERE StageName = 'Closed Lost'").body()
                .get("totalSize").asLong();
        assertThat(byAmount.size() + expected).isEqualTo(300);
    }

    @Test
    void controlApiKeepsFlagsConsistentAndRejectsReadOnlyFields() {
        String caseId = simulator.caseId(1);
        simulator.update(caseId, Map.of("Status", "Closed"));
        assertThat(simulator.record(caseId)).containsEntry("IsClosed", true).containsEntry("Status", "Closed");
        simulator.update(caseId, Map.of("Status", "Working"));
        assertThat(simulator.record(caseId)).containsEntry("IsClosed", false);

        String lost = simulator.createOpportunity("Lost one", "Closed Lost");
        assertThat(simulator.record(lost)).containsEntry("IsClosed", true).containsEntry("IsWon", false)
                .containsEntry("Name", "Lost one").containsEntry("IsDeleted", false);
        String newCase = simulator.createCase("Printer on fire", "New");
        assertThat(simulator.record(newCase)).containsEntry("CaseNumber", "00000201");

        assertThatThrownBy(() -> simulator.update(lost, Map.of("IsWon", true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.update(lost, Map.of("StageName", "Maybe")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.update(lost, Map.of("Nope", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        simulator.delete(lost);
        assertThatThrownBy(() -> simulator.update(lost, Map.of("Name", "x")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachChangeGetsItsOwnIncreasingStamp() {
        List<String> stamps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = simulator.opportunityId(i);
            simulator.update(id, Map.of("Name", "rename " + i));
            stamps.add((String) simulator.record(id).get("SystemModstamp"));
        }
        assertThat(stamps).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void malformedRecordIsEmittedAsGiven() {
        String id = simulator.opportunityId(0);
        simulator.putMalformed(id, Map.of("Id", id, "StageName", "Prospecting", "SystemModstamp", "yesterday"));

        JsonNode record = client.query("SELECT Id, Name, StageName, SystemModstamp FROM Opportunity WHERE Id = '"
                + id + "'").body().get("records").get(0);

        assertThat(record.has("Name")).isFalse();
        assertThat(record.get("SystemModstamp").asText()).isEqualTo("yesterday");
        assertThat(record.get("attributes").get("type").asText()).isEqualTo("Opportunity");
    }

    @Test
    void soqlLogKeepsWhatWasAsked() {
        simulator.resetCounters();
        client.query("SELECT Id FROM Case");
        client.queryAll("SELECT Id FROM Opportunity WHERE IsDeleted = true");
        assertThat(simulator.soqlLog()).containsExactly("SELECT Id FROM Case",
                "SELECT Id FROM Opportunity WHERE IsDeleted = true");
    }

    private List<String> expectedIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(simulator.opportunityId(i));
        }
        return ids;
    }

    private static void assertInvalidLocator(SalesforceTestClient.Reply reply) {
        assertError(reply, 400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    private static void assertError(SalesforceTestClient.Reply reply, int status, String code, String messageStart) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(status);
        assertThat(reply.body().get(0).get("errorCode").asText()).isEqualTo(code);
        assertThat(reply.body().get(0).get("message").asText()).startsWith(messageStart);
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("records").forEach(r -> ids.add(r.get("Id").asText()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
