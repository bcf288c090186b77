package io.taskhub.sync;

import java.util.ArrayList;
import java.util.List;

import io.taskhub.config.HubProperties;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The records a full reconciliation paged by offset did not see, to be confirmed gone before they are archived as
 * DELETED: a record removed while the pages are read shifts the next pages by one, so one record still there goes
 * unseen. A provider route asks for the candidates by id; what is still there is kept as seen. Where the provider's
 * records remember the run that saw them is the {@link UnseenStore} named by the variable {@code unseenStore}.
 */
@Component("unseenRecords")
public class UnseenRecords {

    private static final String STORE = "unseenStore";
    private static final Logger LOG = LoggerFactory.getLogger(UnseenRecords.class);

    private final int mostConfirmed;

    public UnseenRecords(HubProperties hub) {
        this.mostConfirmed = hub.sync().confirmedDeletions();
    }

    /**
     * The external ids of the type's records this run did not see, at most {@code hub.sync.confirmed-deletions}, in
     * lists of {@code batch}, one a request; beyond those, the unseen are kept for the next reconciliation to
     * confirm rather than archived unconfirmed.
     */
    public List<List<String>> candidates(Exchange exchange, int batch) {
        SyncContext sync = sync(exchange);
        String type = exchange.getProperty("type", String.class);
        UnseenStore store = store(exchange);
        List<String> unseen = store.unseen(sync, type);
        if (unseen.size() > mostConfirmed) {
            LOG.info("Integration {}: {} {} unseen; confirming {} now, the rest at the next full reconciliation",
                    sync.integrationId(), unseen.size(), type, mostConfirmed);
            store.keep(sync, type, unseen.subList(mostConfirmed, unseen.size()));
            unseen = unseen.subList(0, mostConfirmed);
        }
        List<List<String>> requests = new ArrayList<>();
        for (int from = 0; from < unseen.size(); from += batch) {
            requests.add(List.copyOf(unseen.subList(from, Math.min(unseen.size(), from + batch))));
        }
        return requests;
    }

    /**
     * After the provider was asked for the candidates of the exchange property {@code externalIds} (one, by
     * default): a 2xx answer means they are still there.
     */
    public void confirm(Exchange exchange) {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        FreshRequest.clear(exchange.getIn());
        if (status >= 200 && status < 300) {
            store(exchange).keep(sync(exchange), exchange.getProperty("type", String.class), externalIds(exchange));
        }
    }

    /** The candidates one request asks for (route template unseen-by-id). */
    @SuppressWarnings("unchecked")
    public static List<String> externalIds(Exchange exchange) {
        return exchange.getProperty("externalIds", List.class);
    }

    private static SyncContext sync(Exchange exchange) {
        return exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
    }

    private static UnseenStore store(Exchange exchange) {
        return exchange.getContext().getRegistry()
                .lookupByNameAndType(exchange.getVariable(STORE, String.class), UnseenStore.class);
    }
}
