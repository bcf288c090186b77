package io.taskhub.sync;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.taskhub.config.HubProperties;
import io.taskhub.model.RunCounts;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Prepares a mapped page for {@code sql/write-page.sql} and books what the statement did on the run. The whole page
 * travels in bound parameters (the tasks as {@link TaskColumns}, clients and rejected records as JSON): one round
 * trip and one statement per page, whatever its size.
 */
@Component("pageWriter")
public class PageWriter {

    private final ObjectMapper json;
    private final NodeId node;
    private final long leaseSeconds;

    public PageWriter(ObjectMapper json, NodeId node, HubProperties hub) {
        this.json = json.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        this.node = node;
        this.leaseSeconds = hub.sync().lease().toSeconds();
    }

    public Map<String, Object> parameters(MappedPage page, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        Map<String, Object> parameters = new HashMap<>(TaskColumns.of(page.tasks(), sync::defaultParent).parameters());
        parameters.put("integrationId", sync.integrationId());
        parameters.put("accountId", sync.accountId());
        parameters.put("provider", sync.provider());
        parameters.put("runId", sync.runId());
        parameters.put("seenRunId", sync.full() ? sync.runId() : null);
        parameters.put("type", page.type());
        parameters.put("cursor", page.cursor());
        parameters.put("clients", write(page.clients()));
        parameters.put("rejected", write(page.rejected()));
        parameters.put("node", node.value());
        parameters.put("leaseSeconds", leaseSeconds);
        return parameters;
    }

    /** Books the statement's answer; stops the sync if another instance took the lease over meanwhile. */
    public void written(Map<String, Object> result, @ExchangeProperty("page") MappedPage page,
                        @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        if (number(result, "lease_held") == 0) {
            throw new IllegalStateException("lost the lease on integration " + sync.integrationId()
                    + ": another hub instance took this sync over");
        }
        sync.add(new RunCounts(page.fetched(), number(result, "created"), number(result, "updated"),
                number(result, "archived"), number(result, "restored"), page.rejected().size()));
    }

    public Map<String, Object> sweepParameters(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        return Map.of("integrationId", sync.integrationId(), "runId", sync.runId(),
                "type", exchange.getProperty("type", String.class));
    }

    public void swept(Map<String, Object> result, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        sync.add(new RunCounts(0, 0, 0, number(result, "archived"), 0, 0));
    }

    private static int number(Map<String, Object> result, String column) {
        return ((Number) result.get(column)).intValue();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise a page", e);
        }
    }
}
