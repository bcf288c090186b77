package io.taskhub.provider.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sync.ListPages;
import io.taskhub.sync.MappedRecord;
import org.springframework.stereotype.Component;

/**
 * Salesforce's pages: {@code queryAll} of the type's SOQL (deleted records still in the recycle bin arrive with
 * IsDeleted), ordered by SystemModstamp so that the cursor follows the pages, then {@code queryMore} of each
 * {@code nextRecordsUrl}.
 */
@Component("salesforcePages")
public class SalesforcePages implements ListPages<SalesforcePages.Request> {

    /** One call of the org's component: the operation and its body (SOQL, or the next records URL). */
    public record Request(String operation, String body) {
    }

    private static final DateTimeFormatter SOQL_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** The fields a type's import reads, the same through REST and Bulk, unfiltered and unordered. */
    static final Map<String, String> SOQL = Map.of(
            SalesforceMapper.OPPORTUNITIES,
            "SELECT Id, Name, StageName, IsClosed, IsWon, IsDeleted, OwnerId, SystemModstamp FROM Opportunity",
            SalesforceMapper.CASES,
            "SELECT Id, CaseNumber, Subject, Status, IsClosed, IsDeleted, OwnerId, SystemModstamp FROM Case");

    private final SalesforceMapper mapper;
    private final Duration overlap;

    public SalesforcePages(SalesforceProperties properties) {
        this.mapper = new SalesforceMapper(properties.archivedStages());
        this.overlap = properties.overlap();
    }

    @Override
    public Request first(String type, Instant since) {
        String where = since == null ? "" : " WHERE SystemModstamp >= " + SOQL_DATETIME.format(since);
        return new Request("queryAll", SOQL.get(type) + where + " ORDER BY SystemModstamp, Id");
    }

    @Override
    public String listAt(Request request) {
        return "/records";
    }

    @Override
    public Request next(Request request, JsonNode answer, int records) {
        String next = answer.path("done").asBoolean(true) ? null : answer.path("nextRecordsUrl").asText(null);
        return next == null ? null : new Request("queryMore", next);
    }

    /** queryAll and queryMore both answer the query's totalSize. */
    @Override
    public Integer total(Request request, JsonNode answer) {
        return answer.path("totalSize").isInt() ? answer.path("totalSize").asInt() : null;
    }

    @Override
    public MappedRecord map(String type, JsonNode record, ImportContext context) {
        return MappedRecord.task(mapper.map(type, record));
    }

    @Override
    public String id(String type, JsonNode record) {
        return record.path("Id").asText(null);
    }

    @Override
    public Duration overlap() {
        return overlap;
    }

    @Override
    public boolean cursorFollowsPages() {
        return true;
    }
}
