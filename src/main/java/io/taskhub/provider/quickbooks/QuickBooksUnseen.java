package io.taskhub.provider.quickbooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.sync.SyncContext;
import io.taskhub.sync.UnseenStore;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * QuickBooks' side of confirming the rows a full reconciliation did not see (route template unseen-by-id): the read
 * copy remembers the run that saw each row, the unseen are asked for by id ({@code where Id in (...)}), and those
 * the answer lists are kept.
 */
@Component("quickbooksUnseen")
public class QuickBooksUnseen implements UnseenStore {

    /** QuickBooks ids are numbers; anything else is not put into a query, and is kept. */
    private static final Pattern ID = Pattern.compile("[0-9]{1,20}");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String unseenRows;
    private final String keepRows;

    public QuickBooksUnseen(JdbcTemplate jdbc, ObjectMapper json,
                            @Value("classpath:sql/quickbooks-unseen.sql") Resource unseenRows,
                            @Value("classpath:sql/quickbooks-keep.sql") Resource keepRows) throws IOException {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
        this.unseenRows = unseenRows.getContentAsString(StandardCharsets.UTF_8);
        this.keepRows = keepRows.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The unseen rows QuickBooks can be asked for; the others are kept here. */
    @Override
    public List<String> unseen(SyncContext sync, String type) {
        List<String> unseen = jdbc.queryForList(unseenRows, parameters(sync, type, List.of()), String.class);
        keep(sync, type, unseen.stream().filter(id -> !ID.matcher(id).matches()).toList());
        return unseen.stream().filter(id -> ID.matcher(id).matches()).toList();
    }

    @Override
    public void keep(SyncContext sync, String type, Collection<String> externalIds) {
        if (!externalIds.isEmpty()) {
            jdbc.update(keepRows, parameters(sync, type, externalIds));
        }
    }

    /** The query of the records of {@code externalIds}, all on one page. */
    public QuickBooksRequest request(@ExchangeProperty("externalIds") List<String> externalIds,
                                     @ExchangeProperty("type") String type) {
        String in = externalIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        return QuickBooksRequest.get("query", Map.of("query", QuickBooksPages.select(QuickBooksMapper.entity(type),
                List.of("Id in (" + in + ")"), 1, externalIds.size())));
    }

    /** Body: the answer to that query. What it lists QuickBooks still has. */
    public void confirm(@Body String answer, @ExchangeProperty(SyncContext.PROPERTY) SyncContext sync,
                        @ExchangeProperty("type") String type) throws IOException {
        keep(sync, type, QuickBooksMapper.records(json.readTree(answer), QuickBooksMapper.entity(type)).stream()
                .map(record -> record.path("Id").asText()).toList());
    }

    private static Map<String, Object> parameters(SyncContext sync, String type, Collection<String> externalIds) {
        return Map.of("integrationId", sync.integrationId(), "runId", sync.runId(), "type", type,
                "ids", externalIds);
    }
}
