package io.taskhub.sync;

import java.util.List;

import io.taskhub.config.HubProperties;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records a full reconciliation paged by offset did not see, to be confirmed gone before they are archived as
 * DELETED: a record removed while the pages are read shifts the next pages by one, so one record still there goes
 * unseen. A provider route asks for each candidate by id; what is still there is kept as seen.
 */
@Component("unseenRecords")
public class UnseenRecords {

    private static final Logger LOG = LoggerFactory.getLogger(UnseenRecords.class);

    private final JdbcTemplate jdbc;
    private final int mostConfirmed;

    public UnseenRecords(JdbcTemplate jdbc, HubProperties hub) {
        this.jdbc = jdbc;
        this.mostConfirmed = hub.sync().confirmedDeletions();
    }

    /**
     * The external ids of the type's active tasks this run did not see, at most {@code hub.sync.confirmed-deletions};
     * beyond those, the unseen are kept for the next reconciliation to confirm rather than archived unconfirmed.
     */
    public List<String> candidates(@ExchangeProperty(SyncContext.PROPERTY) SyncContext sync,
                                   @ExchangeProperty("type") String type) {
        List<String> unseen = jdbc.queryForList("select external_id from task where integration_id = ? and type = ? "
                + "and kind = 'TASK' and status = 'ACTIVE' and seen_run_id is distinct from ? order by external_id",
                String.class, sync.integrationId(), type, sync.runId());
        if (unseen.size() > mostConfirmed) {
            LOG.info("Integration {}: {} {} unseen; confirming {} now, the rest at the next full reconciliation",
                    sync.integrationId(), unseen.size(), type, mostConfirmed);
            unseen.subList(mostConfirmed, unseen.size()).forEach(id -> keep(sync, type, id));
            return List.copyOf(unseen.subList(0, mostConfirmed));
        }
        return unseen;
    }

    /** After the provider was asked for one candidate by id: a 2xx answer means it is still there. */
    public void confirm(Exchange exchange) {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        FreshRequest.clear(exchange.getIn());
        if (status >= 200 && status < 300) {
            keep(exchange.getProperty(SyncContext.PROPERTY, SyncContext.class),
                    exchange.getProperty("type", String.class), exchange.getProperty("externalId", String.class));
        }
    }

    private void keep(SyncContext sync, String type, String externalId) {
        jdbc.update("update task set seen_run_id = ? where integration_id = ? and type = ? and external_id = ?",
                sync.runId(), sync.integrationId(), type, externalId);
    }
}
