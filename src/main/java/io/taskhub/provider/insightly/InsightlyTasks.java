package io.taskhub.provider.insightly;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.ClientRecord;
import io.taskhub.model.RejectedRecord;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.RecordRejected;
import io.taskhub.sync.FreshRequest;
import io.taskhub.sync.MappedPage;
import io.taskhub.sync.OverlapFilter;
import io.taskhub.sync.PageReader;
import io.taskhub.sync.SyncContext;
import io.taskhub.sync.UnreadablePage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The small processors of the Insightly route: the request for each page (skip/top, the search since the cursor,
 * HTTP Basic), the users directory read once per sync, and the mapping of each page into tasks and clients.
 */
@Component("insightlyTasks")
public class InsightlyTasks {

    /** Exchange property the route loops on: the next page to ask for, null after the last one. */
    public static final String REQUEST = "insightlyRequest";
    /** Insightly user id → email, read once per sync. */
    static final String USERS = "insightlyUsers";
    /** Where this type's fetch started, and the latest DATE_UPDATED_UTC seen since. */
    private static final String STORED_CURSOR = "insightlyStoredCursor";
    private static final String CURSOR = "insightlyCursor";

    private final InsightlyMapper mapper;
    private final InsightlyProperties properties;
    private final DateTimeFormatter searchTime;
    private final OverlapFilter overlap;
    private final PageReader reader;
    private final ObjectMapper json;

    public InsightlyTasks(InsightlyProperties properties, OverlapFilter overlap, PageReader reader, ObjectMapper json) {
        this.mapper = new InsightlyMapper(properties.archivedOpportunityStates(), properties.archivedProjectStatuses());
        this.properties = properties;
        this.searchTime = DateTimeFormatter.ofPattern(properties.searchTimeFormat()).withZone(ZoneOffset.UTC);
        this.overlap = overlap;
        this.reader = reader;
        this.json = json;
    }

    public void startUsers(Exchange exchange) {
        exchange.setProperty(USERS, new HashMap<String, String>());
        exchange.setProperty(REQUEST, InsightlyRequest.users(properties.pageSize()));
    }

    /**
     * A full reconciliation lists every record of the type; otherwise the search asks for those updated since the
     * cursor minus the overlap. The cursor only moves once the last page is stored: Insightly does not document
     * the order of either answer, so a run that stops half-way must not skip what its later pages held.
     */
    public void startFetch(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        String type = exchange.getProperty("type", String.class);
        String cursor = sync.cursor(type);
        String updatedAfter = cursor == null ? null : searchTime.format(Instant.parse(cursor).minus(properties.overlap()));
        exchange.setProperty(REQUEST, InsightlyRequest.records(InsightlyApi.resource(type), updatedAfter,
                properties.pageSize(), properties.brief()));
        exchange.setProperty(STORED_CURSOR, cursor);
        exchange.setProperty(CURSOR, cursor);
    }

    /** Headers for camel-http: only these, so nothing of the previous answer travels with the next request. */
    public void prepareRequest(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        InsightlyRequest request = exchange.getProperty(REQUEST, InsightlyRequest.class);
        Message message = exchange.getIn();
        FreshRequest.clear(message);
        message.setBody(null);
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_URI, InsightlyApi.baseUrl(sync.connection(), properties.baseUrl())
                + request.path());
        message.setHeader(Exchange.HTTP_QUERY, request.query());
        message.setHeader("Authorization", InsightlyApi.authorization(sync.connection()));
        message.setHeader("Accept", "application/json");
    }

    /**
     * The JSON list Insightly answered, after dropping the request's headers (the API key among them). A refused
     * key fails the run with Insightly's reason, and the integration then waits to be re-enabled; anything but a
     * list is an unreadable page, fetched again.
     */
    public void readPage(Exchange exchange) throws IOException {
        InsightlyRequest request = exchange.getProperty(REQUEST, InsightlyRequest.class);
        Message message = exchange.getIn();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        if (InsightlyApi.refused(status)) {
            FreshRequest.clear(message);
            throw new ProviderRejection("Insightly refused the API key: "
                    + InsightlyApi.reason(status, message.getBody(String.class), json));
        }
        String page = "Insightly's answer to " + request.path() + "?" + request.query();
        JsonNode records = reader.read(exchange, page);
        FreshRequest.clear(message);
        if (!records.isArray()) {
            throw new UnreadablePage(page, "it is not a list of records", null);
        }
        message.setBody(records);
    }

    /** A GET of one record by id ({@code /Tasks/42}): the sync confirms that a record it did not see is gone. */
    public void prepareRecordRequest(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        Message message = exchange.getIn();
        FreshRequest.clear(message);
        message.setBody(null);
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_URI, InsightlyApi.baseUrl(sync.connection(), properties.baseUrl()) + "/"
                + InsightlyApi.resource(exchange.getProperty("type", String.class)) + "/"
                + URLEncoder.encode(exchange.getProperty("externalId", String.class), StandardCharsets.UTF_8));
        message.setHeader("Authorization", InsightlyApi.authorization(sync.connection()));
        message.setHeader("Accept", "application/json");
    }

    /** Body: a page of {@code /Users}. Stops early if Insightly ignores {@code skip} and repeats itself. */
    public void mapUsers(Exchange exchange) {
        InsightlyRequest request = exchange.getProperty(REQUEST, InsightlyRequest.class);
        @SuppressWarnings("unchecked")
        Map<String, String> users = exchange.getProperty(USERS, Map.class);
        JsonNode page = exchange.getIn().getBody(JsonNode.class);
        int known = users.size();
        for (JsonNode user : page) {
            String id = user.path("USER_ID").asText("");
            String email = user.path("EMAIL_ADDRESS").asText("");
            if (!id.isBlank() && !email.isBlank()) {
                users.put(id, email.trim());
            }
        }
        boolean more = request.filledBy(page.size()) && users.size() > known;
        exchange.setProperty(REQUEST, more ? request.next() : null);
    }

    /** Body: one page of records as Insightly sent it. Leaves the mapped page as the body. */
    public void mapPage(Exchange exchange) {
        String type = exchange.getProperty("type", String.class);
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        InsightlyRequest request = exchange.getProperty(REQUEST, InsightlyRequest.class);
        @SuppressWarnings("unchecked")
        Map<String, String> users = exchange.getProperty(USERS, Map.class);
        JsonNode page = exchange.getIn().getBody(JsonNode.class);
        Set<String> imported = Set.copyOf(sync.selectedTypes());
        List<TaskRecord> tasks = new ArrayList<>();
        List<ClientRecord> clients = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        Instant latest = cursorInstant(exchange.getProperty(CURSOR, String.class));
        for (JsonNode record : page) {
            try {
                InsightlyMapper.Mapped mapped = mapper.map(type, record, users, imported);
                tasks.add(mapped.task());
                if (mapped.client() != null) {
                    clients.add(mapped.client());
                }
                Instant updated = mapped.task().externalUpdatedAt();
                latest = latest == null || updated.isAfter(latest) ? updated : latest;
            } catch (RecordRejected e) {
                rejected.add(new RejectedRecord(type, InsightlyMapper.id(type, record), e.getMessage(),
                        record.toString()));
            }
        }
        String cursor = latest == null ? null : latest.toString();
        exchange.setProperty(CURSOR, cursor);
        tasks = overlap.changedOnly(sync.integrationId(), type, tasks,
                cursorInstant(exchange.getProperty(STORED_CURSOR, String.class)));
        Set<String> changed = tasks.stream().map(TaskRecord::externalId).collect(Collectors.toSet());
        clients = clients.stream().filter(client -> changed.contains(client.externalId())).toList();
        boolean more = request.filledBy(page.size());
        exchange.setProperty(REQUEST, more ? request.next() : null);
        exchange.getIn().setBody(new MappedPage(type, tasks, clients, rejected, more ? null : cursor));
    }

    private static Instant cursorInstant(String cursor) {
        return cursor == null ? null : Instant.parse(cursor);
    }
}
