package io.taskhub.provider.quickbooks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.config.HubProperties;
import io.taskhub.sync.SyncContext;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Before a full reconciliation deletes from the read copy what it did not see: STARTPOSITION pages shift when a
 * record is removed while they are read, so one still in QuickBooks can go unseen. The unseen are asked for by id
 * ({@code where Id in (...)}, a hundred at a time); those QuickBooks still has are kept as seen.
 */
@Component("quickbooksUnseen")
public class QuickBooksUnseen {

    private static final int BATCH = 100;
    /** QuickBooks ids are numbers; anything else is not put into a query, and is kept. */
    private static final Pattern ID = Pattern.compile("[0-9]{1,20}");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final int mostConfirmed;

    public QuickBooksUnseen(JdbcTemplate jdbc, ObjectMapper json, HubProperties hub) {
        this.jdbc = jdbc;
        this.json = json;
        this.mostConfirmed = hub.sync().confirmedDeletions();
    }

    /**
     * The queries for the type's unseen rows by id. Beyond {@code hub.sync.confirmed-deletions} they are kept for the
     * next reconciliation to confirm rather than deleted unconfirmed.
     */
    public List<QuickBooksRequest> candidates(@ExchangeProperty(SyncContext.PROPERTY) SyncContext sync,
                                              @ExchangeProperty("type") String type) {
        String entity = QuickBooksMapper.entity(type);
        List<String> unseen = unseen(sync, entity);
        List<String> asked = unseen.stream().filter(id -> ID.matcher(id).matches()).limit(mostConfirmed).toList();
        unseen.stream().filter(id -> !asked.contains(id)).forEach(id -> keep(sync, entity, id));
        List<QuickBooksRequest> queries = new ArrayList<>();
        for (int from = 0; from < asked.size(); from += BATCH) {
            List<String> batch = asked.subList(from, Math.min(asked.size(), from + BATCH));
            queries.add(QuickBooksRequest.get("query", Map.of("query", query(entity, batch))));
        }
        return queries;
    }

    /** Body: the answer to one of those queries. */
    public void confirm(@Body String answer, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync,
                        @ExchangeProperty("type") String type) throws IOException {
        String entity = QuickBooksMapper.entity(type);
        QuickBooksMapper.records(json.readTree(answer), entity)
                .forEach(record -> keep(sync, entity, record.path("Id").asText()));
    }

    private static String query(String entity, List<String> ids) {
        String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        return QuickBooksPages.select(entity, List.of("Id in (" + in + ")"), 1, BATCH);
    }

    private List<String> unseen(SyncContext sync, String entity) {
        if (entity.equals(QuickBooksMapper.CUSTOMER)) {
            return jdbc.queryForList("select customer_id from qb_customer where integration_id = ? "
                    + "and seen_run_id is distinct from ? order by customer_id", String.class,
                    sync.integrationId(), sync.runId());
        }
        return jdbc.queryForList("select document_id from qb_document where integration_id = ? and type = ? "
                + "and seen_run_id is distinct from ? order by document_id", String.class,
                sync.integrationId(), QuickBooksMapper.documentType(entity), sync.runId());
    }

    private void keep(SyncContext sync, String entity, String id) {
        if (entity.equals(QuickBooksMapper.CUSTOMER)) {
            jdbc.update("update qb_customer set seen_run_id = ? where integration_id = ? and customer_id = ?",
                    sync.runId(), sync.integrationId(), id);
        } else {
            jdbc.update("update qb_document set seen_run_id = ? where integration_id = ? and type = ? "
                    + "and document_id = ?", sync.runId(), sync.integrationId(), QuickBooksMapper.documentType(entity), id);
        }
    }
}
