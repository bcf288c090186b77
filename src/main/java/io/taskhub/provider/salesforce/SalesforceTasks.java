package io.taskhub.provider.salesforce;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.model.RejectedRecord;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.RecordRejected;
import io.taskhub.sync.MappedPage;
import io.taskhub.sync.OverlapFilter;
import io.taskhub.sync.PageReader;
import io.taskhub.sync.SyncContext;
import io.taskhub.sync.UnreadablePage;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The small processors of the Salesforce route: the SOQL that starts a type's import, and the mapping of each
 * returned page (raw JSON) into canonical tasks plus the request for the next page.
 */
@Component("salesforceTasks")
public class SalesforceTasks {

    /** Exchange properties the route loops on: the next request's body and the operation that sends it. */
    public static final String REQUEST = "salesforceRequest";
    public static final String OPERATION = "salesforceOperation";
    /** Where this type's fetch started, and how far the pages stored so far have brought it. */
    private static final String STORED_CURSOR = "salesforceStoredCursor";
    private static final String CURSOR = "salesforceCursor";

    private static final DateTimeFormatter SOQL_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private static final Map<String, String> SOQL = Map.of(
            SalesforceMapper.OPPORTUNITIES,
            "SELECT Id, Name, StageName, IsClosed, IsWon, IsDeleted, OwnerId, SystemModstamp FROM Opportunity",
            SalesforceMapper.CASES,
            "SELECT Id, CaseNumber, Subject, Status, IsClosed, IsDeleted, OwnerId, SystemModstamp FROM Case");

    private final SalesforceMapper mapper;
    private final SalesforceProperties properties;
    private final OverlapFilter overlap;
    private final PageReader reader;

    public SalesforceTasks(SalesforceProperties properties, OverlapFilter overlap, PageReader reader) {
        this.mapper = new SalesforceMapper(properties.archivedStages());
        this.properties = properties;
        this.overlap = overlap;
        this.reader = reader;
    }

    /**
     * queryAll, so that deleted records (still in the recycle bin) arrive with IsDeleted; ordered by SystemModstamp
     * so that the cursor can advance page by page.
     */
    public void startQuery(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        String type = exchange.getProperty("type", String.class);
        String cursor = sync.cursor(type);
        String where = cursor == null ? ""
                : " WHERE SystemModstamp >= " + SOQL_DATETIME.format(Instant.parse(cursor).minus(properties.overlap()));
        exchange.setProperty(REQUEST, SOQL.get(type) + where + " ORDER BY SystemModstamp, Id");
        exchange.setProperty(OPERATION, "queryAll");
        exchange.setProperty(STORED_CURSOR, cursor);
        exchange.setProperty(CURSOR, cursor);
    }

    /** Body: one page of query results as Salesforce sent it; left as JSON, or unreadable and fetched again. */
    public void readPage(Exchange exchange) throws IOException {
        String page = "Salesforce's answer to " + exchange.getProperty(OPERATION, String.class) + " of "
                + exchange.getProperty("type", String.class);
        JsonNode answer = reader.read(exchange, page);
        if (!answer.path("records").isArray()) {
            throw new UnreadablePage(page, "it holds no records", null);
        }
        exchange.getIn().setBody(answer);
    }

    /** Body: one page of query results as JSON. Leaves the mapped page as the body. */
    public void mapPage(Exchange exchange) {
        String type = exchange.getProperty("type", String.class);
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        JsonNode page = exchange.getIn().getBody(JsonNode.class);
        List<TaskRecord> tasks = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        Instant latest = cursorInstant(exchange.getProperty(CURSOR, String.class));
        for (JsonNode record : page.path("records")) {
            try {
                TaskRecord task = mapper.map(type, record);
                tasks.add(task);
                latest = latest == null || task.externalUpdatedAt().isAfter(latest) ? task.externalUpdatedAt() : latest;
            } catch (RecordRejected e) {
                rejected.add(new RejectedRecord(type, record.path("Id").asText(null), e.getMessage(),
                        record.toString()));
            }
        }
        String cursor = latest == null ? null : latest.toString();
        exchange.setProperty(CURSOR, cursor);
        tasks = overlap.changedOnly(sync.integrationId(), type, tasks,
                cursorInstant(exchange.getProperty(STORED_CURSOR, String.class)));
        String next = page.path("done").asBoolean(true) ? null : page.path("nextRecordsUrl").asText(null);
        exchange.setProperty(REQUEST, next);
        exchange.setProperty(OPERATION, "queryMore");
        exchange.getIn().setBody(new MappedPage(type, tasks, List.of(), rejected, cursor));
    }

    private static Instant cursorInstant(String cursor) {
        return cursor == null ? null : Instant.parse(cursor);
    }
}
