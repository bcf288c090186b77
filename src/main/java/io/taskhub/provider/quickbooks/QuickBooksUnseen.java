package io.taskhub.provider.quickbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.config.HubProperties;
import io.taskhub.sync.SyncContext;
import io.taskhub.sync.TenantPacing;
import org.apache.camel.Exchange;
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

    private final QuickBooksCalls calls;
    private final JdbcTemplate jdbc;
    private final TenantPacing pacing;
    private final int mostConfirmed;

    public QuickBooksUnseen(QuickBooksCalls calls, JdbcTemplate jdbc, TenantPacing pacing, HubProperties hub) {
        this.calls = calls;
        this.pacing = pacing;
        this.jdbc = jdbc;
        this.mostConfirmed = hub.sync().confirmedDeletions();
    }

    public void confirm(Exchange exchange) throws InterruptedException {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        String entity = exchange.getProperty("entity", String.class);
        QuickBooksCalls.Company company = exchange.getProperty(QuickBooksCalls.COMPANY, QuickBooksCalls.Company.class);
        List<String> unseen = unseen(sync, entity);
        List<String> asked = unseen.stream().filter(id -> ID.matcher(id).matches()).limit(mostConfirmed).toList();
        List<String> kept = new ArrayList<>(unseen);
        kept.removeAll(asked);
        for (int from = 0; from < asked.size(); from += BATCH) {
            List<String> batch = asked.subList(from, Math.min(asked.size(), from + BATCH));
            pacing.pace(sync);
            JsonNode answer = calls.call(company, QuickBooksRequest.get("query", Map.of("query", query(entity, batch))));
            QuickBooksMapper.records(answer, entity).forEach(record -> kept.add(record.path("Id").asText()));
        }
        kept.forEach(id -> keep(sync, entity, id));
    }

    private static String query(String entity, List<String> ids) {
        String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        return "select * from " + entity + " where Id in (" + in + ")"
                + (entity.equals(QuickBooksMapper.CUSTOMER) ? " and Active in (true, false)" : "")
                + " startposition 1 maxresults " + BATCH;
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
