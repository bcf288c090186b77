package io.taskhub.provider.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.taskhub.sync.ImportState;
import io.taskhub.sync.PageImport;
import io.taskhub.sync.UnreadablePage;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The steps of route {@code salesforce-bulk-fetch}: whether the page asked for needs a results request, the answered
 * CSV opened for reading, and the next 2,000 rows (as many as a REST page) as the page's answer. Rows are parsed one
 * at a time: the whole result (a million records) is never in memory, one results set at most, as camel-salesforce
 * holds each answer whole.
 */
@Component("salesforceBulkResults")
public class SalesforceBulkResults {

    static final int PAGE_RECORDS = 2000;
    private static final ObjectReader ROWS = new CsvMapper().readerFor(JsonNode.class)
            .with(CsvSchema.emptySchema().withHeader());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** False while the rows of the set being read are the ones the page asks for. */
    public boolean mustFetch(Exchange exchange) {
        BulkResultRows rows = exchange.getVariable(BulkResultRows.VARIABLE, BulkResultRows.class);
        SalesforceBulkPages.Request request = request(exchange);
        return rows == null || !rows.at(job(exchange).id(), request.locator(), request.skip());
    }

    /** Body: the CSV answer of {@code bulk2GetQueryJobResults}; its {@code Sforce-Locator} names the next set. */
    public void open(Exchange exchange) throws UnreadablePage {
        SalesforceBulkPages.Request request = request(exchange);
        Message message = exchange.getIn();
        String next = message.getHeader("Sforce-Locator", String.class);
        // camel-salesforce would send the answer's Sforce-* headers on with the next request
        message.removeHeaders("Sforce-*");
        try {
            InputStream csv = message.getMandatoryBody(InputStream.class);
            // Camel rewinds a cached stream body before each step: the rows read on through their own reference
            message.setBody(null);
            BulkResultRows rows = new BulkResultRows(job(exchange).id(), request.locator(),
                    next == null || next.equals("null") ? null : next, ROWS.readValues(csv));
            exchange.setVariable(BulkResultRows.VARIABLE, rows);
            // a set fetched again after its reading failed: the rows already stored are passed over
            while (rows.read() < request.skip() && rows.hasNext()) {
                rows.next();
            }
        } catch (IOException | RuntimeException | InvalidPayloadException e) {
            throw unreadable(exchange, request, e);
        }
    }

    /** Leaves the next rows of the set as the page's answer: {records, setRead, nextLocator, total}. */
    public void read(Exchange exchange) throws UnreadablePage {
        BulkResultRows rows = exchange.getVariable(BulkResultRows.VARIABLE, BulkResultRows.class);
        ArrayNode records = JSON.arrayNode();
        boolean setRead;
        try {
            while (records.size() < PAGE_RECORDS && rows.hasNext()) {
                records.add(nullsForEmpty(rows.next()));
            }
            setRead = !rows.hasNext();
        } catch (IOException | RuntimeException e) {
            throw unreadable(exchange, request(exchange), e);
        }
        if (setRead) {
            exchange.removeVariable(BulkResultRows.VARIABLE);
        }
        ObjectNode answer = JSON.objectNode();
        answer.set("records", records);
        answer.put("setRead", setRead);
        answer.put("nextLocator", rows.nextLocator);
        long total = job(exchange).records();
        if (total >= 0 && total <= Integer.MAX_VALUE) {
            answer.put("total", (int) total);
        }
        exchange.getIn().setBody(answer);
    }

    /** The set is fetched again by its locator (the retries of the page), and read anew from the rows not stored. */
    private static UnreadablePage unreadable(Exchange exchange, SalesforceBulkPages.Request request, Exception e) {
        exchange.removeVariable(BulkResultRows.VARIABLE);
        return new UnreadablePage("Salesforce's Bulk results set " + (request.locator() == null ? "1"
                : request.locator()) + " of " + job(exchange).type(), "its CSV cannot be read (" + e.getMessage()
                + ")", e);
    }

    /** Bulk CSV writes a null as nothing: the mapper sees it as the REST path's JSON null. */
    private static JsonNode nullsForEmpty(JsonNode row) {
        if (row instanceof ObjectNode fields) {
            List<String> empty = new ArrayList<>();
            fields.properties().forEach(field -> {
                if (field.getValue().isTextual() && field.getValue().textValue().isEmpty()) {
                    empty.add(field.getKey());
                }
            });
            empty.forEach(fields::putNull);
        }
        return row;
    }

    private static SalesforceBulkPages.Request request(Exchange exchange) {
        return (SalesforceBulkPages.Request) exchange.getVariable(PageImport.STATE, ImportState.class).getRequest();
    }

    private static BulkJob job(Exchange exchange) {
        return exchange.getVariable(BulkJob.VARIABLE, BulkJob.class);
    }
}
