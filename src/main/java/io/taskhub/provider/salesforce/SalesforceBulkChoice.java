package io.taskhub.provider.salesforce;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.sync.UnreadablePage;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of route {@code salesforce-bulk-choice}: whether a type of a full sync is read through a Bulk API 2.0
 * query job rather than REST pages, by how many records the org holds ({@code SELECT COUNT()}) against
 * {@code hub.salesforce.bulk-threshold}, so that a small org pays no job and no polling.
 */
@Component("salesforceBulkChoice")
public class SalesforceBulkChoice {

    /** The variable the route file's choice reads: true for Bulk. */
    public static final String BULK = "salesforceBulk";
    private static final String TYPE = "salesforceCountedType";
    private static final Logger LOG = LoggerFactory.getLogger(SalesforceBulkChoice.class);

    private final ObjectMapper json;
    private final long threshold;

    public SalesforceBulkChoice(ObjectMapper json, SalesforceProperties properties) {
        this.json = json;
        this.threshold = properties.bulkThreshold();
    }

    /** Body: the type; leaves the SOQL that counts its records. */
    public void countQuery(Exchange exchange) {
        String type = exchange.getIn().getBody(String.class);
        exchange.setVariable(TYPE, type);
        exchange.getIn().setBody(SalesforceCounts.countQuery(type));
    }

    /** Body: the count's answer (totalSize); leaves the type again and the choice in {@link #BULK}. */
    public void decide(Exchange exchange) throws IOException {
        String type = exchange.getVariable(TYPE, String.class);
        JsonNode answer = json.readTree(exchange.getIn().getBody(String.class));
        if (!answer.path("totalSize").isNumber()) {
            throw new UnreadablePage("Salesforce's count of " + type, "it holds no totalSize", null);
        }
        long records = answer.path("totalSize").asLong();
        boolean bulk = records > threshold;
        LOG.info("{}: {} records, read through {}", type, records, bulk ? "a Bulk API 2.0 query job" : "REST pages");
        exchange.setVariable(BULK, bulk);
        exchange.getIn().setBody(type);
    }
}
