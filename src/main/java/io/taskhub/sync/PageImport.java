package io.taskhub.sync;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.taskhub.model.ClientRecord;
import io.taskhub.model.RejectedRecord;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.RecordRejected;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The steps every provider's page import shares (route template {@code page-import}): where a type's import starts,
 * and each answered page mapped record by record (rejects kept aside with their reason), its latest stamp tracked,
 * unchanged overlap re-reads dropped, the next page decided. The provider says only what is its own, through its
 * {@link PageSource}; the state lives in the typed variable {@code import}.
 */
@Component("pageImport")
public class PageImport {

    public static final String STATE = "import";
    /** The variable naming the provider's {@link PageSource} bean, set by the template from its parameter. */
    public static final String SOURCE = "pageSource";
    /** The variable holding the provider's users (id → email) where its records are assigned by them. */
    public static final String USERS = "providerUsers";

    /** The body {@link #read} leaves for a page of none (a 304 Not Modified). */
    private static final JsonNode NOTHING_CHANGED = MissingNode.getInstance();

    private final OverlapFilter overlap;
    private final PageReader reader;

    public PageImport(OverlapFilter overlap, PageReader reader) {
        this.overlap = overlap;
        this.reader = reader;
    }

    /** Body: the type. The first request: everything on a full reconciliation, else since the cursor minus the overlap. */
    public void start(Exchange exchange) {
        SyncContext sync = sync(exchange);
        String type = exchange.getIn().getBody(String.class);
        PageSource<Object> source = source(exchange);
        String cursor = sync.cursor(type);
        Instant now = Instant.now();
        Instant stored = cursor == null ? null : Instant.parse(cursor);
        if (stored != null && stored.isAfter(now.plus(source.overlap()))) {
            // a cursor from the future (stored before cursors were capped at the import's start) knows nothing
            // reliable: everything is read again, and only what changed is written
            stored = null;
        }
        exchange.setProperty("type", type);
        exchange.setVariable(STATE, new ImportState(type, source.first(type,
                stored == null ? null : stored.minus(source.overlap())), stored, now));
    }

    /**
     * The last step of a provider's fetch route. Body: the answer as it came; left as JSON, or an
     * {@link UnreadablePage} naming the page, which the retries fetch again.
     */
    public void read(Exchange exchange) throws IOException {
        ImportState state = exchange.getVariable(STATE, ImportState.class);
        if (notModified(exchange.getIn(), state)) {
            exchange.getIn().setBody(NOTHING_CHANGED);
            return;
        }
        String page = sync(exchange).provider() + "'s answer to page " + (state.getPages() + 1) + " of "
                + state.getType();
        JsonNode answer = reader.read(exchange, page);
        source(exchange).check(state.getRequest(), answer, page);
        exchange.getIn().setBody(answer);
    }

    /** Body: the page's JSON answer, as the provider's fetch route read it. Leaves the mapped page as the body. */
    public void map(Exchange exchange) {
        SyncContext sync = sync(exchange);
        ImportState state = exchange.getVariable(STATE, ImportState.class);
        PageSource<Object> source = source(exchange);
        String type = state.getType();
        JsonNode answer = exchange.getIn().getBody(JsonNode.class);
        boolean none = answer.isMissingNode();
        List<JsonNode> records = none ? List.of() : source.records(state.getRequest(), answer);
        Integer total = none ? null : source.total(state.getRequest(), answer);
        if (total != null) {
            sync.expect(type, total);
        }
        PageSource.ImportContext context = new PageSource.ImportContext(sync.selectedTypes(), users(exchange));
        List<TaskRecord> tasks = new ArrayList<>();
        List<ClientRecord> clients = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        List<Object> rows = new ArrayList<>();
        for (JsonNode record : records) {
            try {
                MappedRecord mapped = source.map(type, record, context);
                if (mapped.task() != null) {
                    tasks.add(mapped.task());
                }
                if (mapped.client() != null) {
                    clients.add(mapped.client());
                }
                if (mapped.row() != null) {
                    rows.add(mapped.row());
                }
                state.seen(mapped.stamp());
            } catch (RecordRejected e) {
                rejected.add(new RejectedRecord(type, source.id(type, record), e.getMessage(), record.toString()));
            }
        }
        Object next = none ? null : source.next(state.getRequest(), answer, records.size());
        state.advance(next, records.size());
        List<TaskRecord> changed = overlap.changedOnly(sync.integrationId(), type, tasks, state.storedCursor());
        Set<String> changedIds = changed.stream().map(TaskRecord::externalId).collect(Collectors.toSet());
        boolean cursorMoves = source.cursorFollowsPages() || next == null;
        String cursor = cursorMoves && state.latest() != null ? state.latest().toString() : null;
        exchange.getIn().setBody(new MappedPage(type, changed,
                clients.stream().filter(client -> changedIds.contains(client.externalId())).toList(), rejected, cursor,
                rows));
    }

    /**
     * An incremental import's 304 Not Modified (Xero's If-Modified-Since): nothing changed since, a last page of
     * none. Only then: to a full reconciliation a 304 is no answer at all, never "nothing there" to archive.
     */
    private static boolean notModified(Message answer, ImportState state) {
        return state.storedCursor() != null
                && Integer.valueOf(304).equals(answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
    }

    private static SyncContext sync(Exchange exchange) {
        return exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
    }

    @SuppressWarnings("unchecked")
    private static PageSource<Object> source(Exchange exchange) {
        return source(exchange, PageSource.class);
    }

    /** The provider's page source as the template named it (the variable {@code pageSource}), as a {@code kind}. */
    static <S> S source(Exchange exchange, Class<S> kind) {
        String name = exchange.getVariable(SOURCE, String.class);
        return exchange.getContext().getRegistry().lookupByNameAndType(name, kind);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> users(Exchange exchange) {
        Map<String, String> users = exchange.getVariable(USERS, Map.class);
        return users == null ? Map.of() : users;
    }
}
