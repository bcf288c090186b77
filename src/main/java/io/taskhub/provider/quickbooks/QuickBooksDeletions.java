package io.taskhub.provider.quickbooks;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.config.HubProperties;
import io.taskhub.model.RunCounts;
import io.taskhub.sync.NodeId;
import io.taskhub.sync.SyncContext;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/** What change data capture reports deleted between two syncs, for {@code sql/quickbooks-deletions.sql}. */
@Component("quickbooksDeletions")
public class QuickBooksDeletions {

    private final QuickBooksProperties properties;
    private final ObjectMapper json;
    private final NodeId node;
    private final long leaseSeconds;

    public QuickBooksDeletions(QuickBooksProperties properties, ObjectMapper json, NodeId node, HubProperties hub) {
        this.properties = properties;
        this.json = json;
        this.node = node;
        this.leaseSeconds = hub.sync().lease().toSeconds();
    }

    /**
     * Since where the oldest entity's query started last time, so that no deletion between two syncs is missed, but
     * no earlier than QuickBooks remembers; none on a full reconciliation, which sweeps instead.
     */
    public QuickBooksRequest request(@ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        Instant since = sync.full() ? null : QuickBooksMapper.ENTITIES.stream()
                .map(entity -> sync.cursor(QuickBooksMapper.type(entity)))
                .filter(Objects::nonNull).map(Instant::parse).min(Instant::compareTo)
                .map(oldest -> oldest.minus(properties.overlap()))
                .map(oldest -> later(oldest, Instant.now().minus(properties.cdcWindow())))
                .orElse(null);
        return since == null ? null : QuickBooksRequest.get("cdc", Map.of("entities",
                String.join(",", QuickBooksMapper.ENTITIES), "changedSince", QuickBooksPages.STAMP.format(since)));
    }

    /** Body: the change data capture answer. Its deletions (status Deleted) as (entity, id). */
    public Map<String, Object> parameters(@Body String answer, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync)
            throws IOException {
        return Map.of("integrationId", sync.integrationId(), "node", node.leaseOf(sync.runId()),
                "leaseSeconds", leaseSeconds,
                "deleted", json.writeValueAsString(QuickBooksMapper.deletions(json.readTree(answer))));
    }

    /** What QuickBooks deleted counts as archived: the read copy keeps no trace of it. */
    public void deleted(@Body Map<String, Object> result, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync) {
        sync.requireLease(result);
        sync.add(new RunCounts(0, 0, 0, ((Number) result.get("deleted")).intValue(), 0, 0));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
