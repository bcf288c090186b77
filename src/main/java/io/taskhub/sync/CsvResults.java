package io.taskhub.sync;

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
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The steps of a provider's fetch route over an export job's CSV results ({@link ExportPages}): whether the page
 * asked for needs a results request, the answered CSV opened for reading, and the next 2,000 rows (as many as a REST
 * page) as the page's answer. Rows are parsed one at a time: the whole result (a million records) is never in memory,
 * one results set at most, as the provider's component holds each answer whole.
 */
@Component("csvResults")
public class CsvResults {

    static final int PAGE_RECORDS = 2000;
    private static final ObjectReader ROWS = new CsvMapper().readerFor(JsonNode.class)
            .with(CsvSchema.emptySchema().withHeader());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** False while the rows of the set being read are the ones the page asks for. */
    public boolean mustFetch(Exchange exchange) {
        CsvResultRows rows = exchange.getVariable(CsvResultRows.VARIABLE, CsvResultRows.class);
        ExportPages.Request request = request(exchange);
        return rows == null || !rows.at(job(exchange).id(), request.locator(), request.skip());
    }

    /**
     * Body: the CSV of one results set; the header {@code locatorHeader} names the next set (absent, empty or
     * {@code null}: none), and is taken off, so that it does not go on with the next request.
     */
    public void open(Exchange exchange, String locatorHeader) throws UnreadablePage {
        ExportPages.Request request = request(exchange);
        Message message = exchange.getIn();
        String next = message.getHeader(locatorHeader, String.class);
        message.removeHeader(locatorHeader);
        try {
            InputStream csv = message.getMandatoryBody(InputStream.class);
            // Camel rewinds a cached stream body before each step: the rows read on through their own reference
            message.setBody(null);
            CsvResultRows rows = new CsvResultRows(job(exchange).id(), request.locator(),
                    next == null || next.isEmpty() || next.equals("null") ? null : next, ROWS.readValues(csv));
            exchange.setVariable(CsvResultRows.VARIABLE, rows);
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
        CsvResultRows rows = exchange.getVariable(CsvResultRows.VARIABLE, CsvResultRows.class);
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
            exchange.removeVariable(CsvResultRows.VARIABLE);
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
    private static UnreadablePage unreadable(Exchange exchange, ExportPages.Request request, Exception e) {
        exchange.removeVariable(CsvResultRows.VARIABLE);
        ExportJob job = job(exchange);
        return new UnreadablePage(job.name() + " results set " + (request.locator() == null ? "1"
                : request.locator()) + " of " + job.type(), "its CSV cannot be read (" + e.getMessage() + ")", e);
    }

    /** CSV writes a null as nothing: the mapper sees it as a JSON page's null. */
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

    private static ExportPages.Request request(Exchange exchange) {
        return (ExportPages.Request) exchange.getVariable(PageImport.STATE, ImportState.class).getRequest();
    }

    private static ExportJob job(Exchange exchange) {
        return exchange.getVariable(ExportJob.VARIABLE, ExportJob.class);
    }
}
