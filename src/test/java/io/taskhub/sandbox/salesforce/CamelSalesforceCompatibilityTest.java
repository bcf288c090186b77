package io.taskhub.sandbox.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.dto.AbstractQueryRecordsBase;
import org.apache.camel.component.salesforce.api.dto.AbstractSObjectBase;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The client the simulator exists for: camel-salesforce must log in, query, page and recover from a 401. */
class CamelSalesforceCompatibilityTest {

    private static SalesforceSimulator simulator;
    private static CamelContext camel;
    private static ProducerTemplate producer;

    /** A typed record as a hub would declare it; camel-salesforce parses the datetimes itself. */
    public static class Opportunity extends AbstractSObjectBase {
        private String stageName;
        private Double amount;
        private LocalDate closeDate;

        @JsonProperty("StageName")
        public String getStageName() {
            return stageName;
        }

        @JsonProperty("StageName")
        public void setStageName(String stageName) {
            this.stageName = stageName;
        }

        @JsonProperty("Amount")
        public Double getAmount() {
            return amount;
        }

        @JsonProperty("Amount")
        public void setAmount(Double amount) {
            this.amount = amount;
        }

        @JsonProperty("CloseDate")
        public LocalDate getCloseDate() {
            return closeDate;
        }

        @JsonProperty("CloseDate")
        public void setCloseDate(LocalDate closeDate) {
            this.closeDate = closeDate;
        }
    }

    public static class OpportunityPage extends AbstractQueryRecordsBase<Opportunity> {
    }

    @BeforeAll
    static void start() throws Exception {
        simulator = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(2100));
        SalesforceComponent salesforce = new SalesforceComponent();
        salesforce.setLoginUrl(simulator.baseUrl());
        salesforce.setClientId(SalesforceSimulator.DEFAULT_CLIENT_ID);
        salesforce.setClientSecret(SalesforceSimulator.DEFAULT_CLIENT_SECRET);
        salesforce.setRefreshToken(SalesforceSimulator.DEFAULT_REFRESH_TOKEN);
        salesforce.setAuthenticationType(AuthenticationType.REFRESH_TOKEN);
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion(SalesforceSimulator.API_VERSION);
        salesforce.setConfig(config);
        camel = new DefaultCamelContext();
        camel.addComponent("salesforce", salesforce);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        if (camel != null) {
            camel.stop();
        }
        simulator.close();
    }

    @Test
    void typedQueryParsesRecordsAndDatetimes() {
        OpportunityPage page = producer.requestBodyAndHeader(
                "salesforce:query?sObjectClass=" + OpportunityPage.class.getName(), null, "sObjectQuery",
                "SELECT Id, Name, StageName, Amount, CloseDate, IsDeleted, CreatedDate, LastModifiedDate,"
                        + " SystemModstamp FROM Opportunity ORDER BY SystemModstamp, Id LIMIT 3",
                OpportunityPage.class);

        assertThat(page.getTotalSize()).isEqualTo(3);
        Opportunity first = page.getRecords().get(0);
        assertThat(first.getId()).isEqualTo(simulator.opportunityId(0));
        assertThat(first.getName()).isNotBlank();
        assertThat(first.getStageName()).isNotBlank();
        assertThat(first.getAmount()).isPositive();
        assertThat(first.getCloseDate()).isNotNull();
        assertThat(first.getSystemModstamp().toInstant())
                .isEqualTo(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant());
        assertThat(first.getCreatedDate()).isBefore(first.getLastModifiedDate());
    }

    @Test
    void rawQueryPagesWithQueryMoreAndSurvivesExpiredSession() throws Exception {
        String soql = "SELECT Id FROM Opportunity ORDER BY SystemModstamp, Id";
        JsonNode first = raw("salesforce:query?rawPayload=true", soql);
        assertThat(first.get("records").size()).isEqualTo(2000);
        JsonNode second = raw("salesforce:queryMore?rawPayload=true", first.get("nextRecordsUrl").asText());
        assertThat(second.get("records").size()).isEqualTo(100);
        assertThat(second.get("done").asBoolean()).isTrue();
        assertThat(second.get("records").get(99).get("Id").asText()).isEqualTo(simulator.opportunityId(2099));

        simulator.expireSessions();
        int logins = simulator.tokenRequestCount();
        JsonNode again = raw("salesforce:queryAll?rawPayload=true", soql + " LIMIT 10");

        assertThat(again.get("totalSize").asInt()).isEqualTo(10);
        assertThat(simulator.tokenRequestCount()).isEqualTo(logins + 1);
    }

    private static JsonNode raw(String uri, String soql) throws Exception {
        Object body = producer.requestBodyAndHeader(uri, null, "sObjectQuery", soql);
        String json = camel.getTypeConverter().mandatoryConvertTo(String.class, body);
        return SalesforceTestClient.JSON.readTree(json);
    }
}
