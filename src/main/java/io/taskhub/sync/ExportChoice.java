package io.taskhub.sync;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a type of a full sync is read through the provider's export job ({@link ExportJob}) rather than page by
 * page, by how many records the provider counts against its threshold, so that a small one pays no job and no
 * polling.
 */
@Component("exportChoice")
public class ExportChoice {

    /** The variable the provider's route receives its count's answer in, so that the body stays the type. */
    private static final String COUNT = "count";
    private static final Logger LOG = LoggerFactory.getLogger(ExportChoice.class);

    private final ObjectMapper json;

    public ExportChoice(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Body: the type. Reads the number at {@code field} of the count's answer; above {@code threshold}, leaves the
     * type's {@link ExportJob} to create, else none (pages).
     */
    public void choose(Exchange exchange, String field, long threshold) throws IOException {
        String type = exchange.getIn().getBody(String.class);
        JsonNode answer = json.readTree(exchange.getVariable(COUNT, String.class));
        if (!answer.path(field).isNumber()) {
            String provider = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class).provider();
            throw new UnreadablePage(provider + "'s count of " + type, "it holds no " + field, null);
        }
        exchange.removeVariable(COUNT);
        long records = answer.path(field).asLong();
        boolean export = records > threshold;
        LOG.info("{}: {} records, read through {}", type, records, export ? "an export job" : "pages");
        if (export) {
            exchange.setVariable(ExportJob.VARIABLE, ExportJob.chosen(type, records));
        } else {
            exchange.removeVariable(ExportJob.VARIABLE);
        }
    }
}
