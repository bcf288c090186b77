package io.taskhub.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.config.HubProperties;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The records a full reconciliation paged by offset did not see, to be confirmed gone before they are archived as
 * DELETED: a record removed while the pages are read shifts the next pages by one, so one record still there goes
 * unseen. A provider route asks for the candidates by id; what is still there is kept as seen. Where the provider's
 * records remember the run that saw them are the {@link UnseenStore} statements named by the variables
 * {@code unseenRows} and {@code keepRows}; the page source is the one page-import named ({@code pageSource}).
 */
@Component("unseenRecords")
public class UnseenRecords {

    private static final Logger LOG = LoggerFactory.getLogger(UnseenRecords.class);

    private final UnseenStore store;
    private final ObjectMapper json;
    private final int mostConfirmed;

    public UnseenRecords(UnseenStore store, ObjectMapper json, HubProperties hub) {
        this.store = store;
        this.json = json;
        this.mostConfirmed = hub.sync().confirmedDeletions();
    }

    /** What a run asks the provider for, a list of ids a request, and what it keeps without asking. */
    record Candidates(List<List<String>> requests, List<String> kept, int askable) {
    }

    /**
     * The askable ids among the unseen, at most {@code most}, in lists of {@code batch}; the rest are kept: those the
     * provider cannot be asked for, and those beyond {@code most}, for the next reconciliation to confirm rather
     * than archived unconfirmed.
     */
    static Candidates candidates(List<String> unseen, Predicate<String> askable, int most, int batch) {
        List<String> asked = unseen.stream().filter(askable).toList();
        List<String> kept = new ArrayList<>(unseen.stream().filter(askable.negate()).toList());
        kept.addAll(asked.subList(Math.min(most, asked.size()), asked.size()));
        List<String> confirmed = asked.subList(0, Math.min(most, asked.size()));
        List<List<String>> requests = new ArrayList<>();
        for (int from = 0; from < confirmed.size(); from += batch) {
            requests.add(List.copyOf(confirmed.subList(from, Math.min(confirmed.size(), from + batch))));
        }
        return new Candidates(requests, kept, asked.size());
    }

    /**
     * The external ids of the type's records this run did not see, at most {@code hub.sync.confirmed-deletions}, in
     * lists of {@code batch}, one a request.
     */
    public List<List<String>> candidates(Exchange exchange, int batch) {
        SyncContext sync = sync(exchange);
        String type = type(exchange);
        Predicate<String> askable = PageImport.source(exchange, Object.class) instanceof RecordsById<?> byId
                ? byId::askable : id -> true;
        Candidates candidates = candidates(store.unseen(variable(exchange, "unseenRows"), sync, type), askable,
                mostConfirmed, batch);
        if (candidates.askable() > mostConfirmed) {
            LOG.info("Integration {}: {} {} unseen; confirming {} now, the rest at the next full reconciliation",
                    sync.integrationId(), candidates.askable(), type, mostConfirmed);
        }
        keep(exchange, candidates.kept());
        return candidates.requests();
    }

    /**
     * After the provider was asked for the candidates of the exchange property {@code externalIds} (one, by
     * default): a 2xx answer means they are still there.
     */
    public void confirm(Exchange exchange) {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        FreshRequest.clear(exchange.getIn());
        if (status >= 200 && status < 300) {
            keep(exchange, externalIds(exchange));
        }
    }

    /** The body becomes the {@link RecordsById} source's request of the candidates in {@code externalIds}. */
    public void byIds(Exchange exchange) {
        exchange.getIn().setBody(byId(exchange).byIds(type(exchange), externalIds(exchange)));
    }

    /** Body: the answer to {@link #byIds}, as JSON text. What it lists is still there. */
    public void listed(Exchange exchange) throws IOException {
        keep(exchange, byId(exchange).listed(type(exchange), json.readTree(exchange.getIn().getBody(String.class))));
    }

    /** The candidates one request asks for (route template unseen-by-id). */
    @SuppressWarnings("unchecked")
    public static List<String> externalIds(Exchange exchange) {
        return exchange.getProperty("externalIds", List.class);
    }

    private void keep(Exchange exchange, List<String> externalIds) {
        if (!externalIds.isEmpty()) {
            store.keep(variable(exchange, "keepRows"), sync(exchange), type(exchange), externalIds);
        }
    }

    private static RecordsById<?> byId(Exchange exchange) {
        return PageImport.source(exchange, RecordsById.class);
    }

    private static String variable(Exchange exchange, String name) {
        return exchange.getVariable(name, String.class);
    }

    private static String type(Exchange exchange) {
        return exchange.getProperty("type", String.class);
    }

    private static SyncContext sync(Exchange exchange) {
        return exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
    }
}
