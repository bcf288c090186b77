package io.taskhub.provider.xero;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.ClientRecord;
import io.taskhub.model.RejectedRecord;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.RecordRejected;
import io.taskhub.sync.MappedPage;
import io.taskhub.sync.OverlapFilter;
import io.taskhub.sync.PageReader;
import io.taskhub.sync.SyncContext;
import io.taskhub.sync.UnreadablePage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The steps of the {@code xero-contacts-fetch} route: where a fetch starts, the request of each page, and the
 * mapping of each answered page into tasks and clients.
 *
 * <p>Pages come newest first ({@code order=UpdatedDateUTC DESC}): a contact changed while the pages are read moves
 * to the front, so the pages still to come only shift towards repeats, never towards gaps, and the change itself is
 * newer than the cursor this fetch leaves. That cursor is written with the last page only: a fetch that stops half
 * way (a daily limit) leaves the cursor where it was, and the next one reads everything it missed.
 */
@Component("xeroContacts")
public class XeroContacts {

    /** Exchange property: the page to ask for next, null once the last one was read. */
    public static final String PAGE = "xeroPage";
    private static final String STORED_CURSOR = "xeroStoredCursor";
    private static final String LATEST = "xeroLatest";
    private static final String MODIFIED_SINCE = "xeroModifiedSince";

    private final XeroProperties properties;
    private final OverlapFilter overlap;
    private final PageReader reader;
    private final ObjectMapper json;

    public XeroContacts(XeroProperties properties, OverlapFilter overlap, PageReader reader, ObjectMapper json) {
        this.properties = properties;
        this.overlap = overlap;
        this.reader = reader;
        this.json = json;
    }

    /** Page 1; an incremental sync asks for what changed since its cursor minus the overlap. */
    public void start(Exchange exchange) {
        String cursor = sync(exchange).cursor(XeroMapper.CONTACTS);
        exchange.setProperty(PAGE, 1);
        exchange.setProperty(STORED_CURSOR, cursor);
        exchange.setProperty(LATEST, cursor);
        exchange.setProperty(MODIFIED_SINCE, cursor == null ? null
                : Instant.parse(cursor).minus(properties.overlap()).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * A GET of the page to read (camel-http would POST a body), with If-Modified-Since on an incremental sync. The
     * URL travels in headers: the {@code http:xero} endpoint never reads a URL as endpoint options.
     */
    public void request(Exchange exchange) {
        Message message = exchange.getIn();
        message.setBody(null);
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_URI, exchange.getProperty(XeroSession.API, String.class) + "/Contacts");
        message.setHeader(Exchange.HTTP_QUERY, "page=" + exchange.getProperty(PAGE, Integer.class) + "&pageSize="
                + properties.pageSize() + "&includeArchived=true&order=UpdatedDateUTC%20DESC");
        String since = exchange.getProperty(MODIFIED_SINCE, String.class);
        if (since != null) {
            message.setHeader("If-Modified-Since", since);
        }
    }

    /** Body: one page as Xero answered it; left as its list of contacts (none on a 304), or unreadable. */
    public void readPage(Exchange exchange) throws IOException {
        Message message = exchange.getIn();
        if (message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class) == 304) {
            message.setBody(json.createArrayNode());
            return;
        }
        String page = "Xero's answer to page " + exchange.getProperty(PAGE, Integer.class) + " of the contacts";
        JsonNode contacts = reader.read(exchange, page).path("Contacts");
        if (!contacts.isArray()) {
            throw new UnreadablePage(page, "it holds no Contacts list", null);
        }
        message.setBody(contacts);
    }

    /** Body: one page's contacts. Leaves the mapped page as the body. */
    public void mapPage(Exchange exchange) {
        SyncContext sync = sync(exchange);
        JsonNode contacts = exchange.getIn().getBody(JsonNode.class);
        List<TaskRecord> tasks = new ArrayList<>();
        List<ClientRecord> clients = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        Instant latest = instant(exchange.getProperty(LATEST, String.class));
        for (JsonNode contact : contacts) {
            try {
                XeroMapper.MappedContact mapped = XeroMapper.contact(contact);
                tasks.add(mapped.task());
                clients.add(mapped.client());
                Instant updated = mapped.task().externalUpdatedAt();
                latest = latest == null || updated.isAfter(latest) ? updated : latest;
            } catch (RecordRejected e) {
                rejected.add(new RejectedRecord(XeroMapper.CONTACTS, contact.path("ContactID").asText(null),
                        e.getMessage(), contact.toString()));
            }
        }
        exchange.setProperty(LATEST, latest == null ? null : latest.toString());
        boolean last = contacts.size() < properties.pageSize();
        exchange.setProperty(PAGE, last ? null : exchange.getProperty(PAGE, Integer.class) + 1);
        List<TaskRecord> changed = overlap.changedOnly(sync.integrationId(), XeroMapper.CONTACTS, tasks,
                instant(exchange.getProperty(STORED_CURSOR, String.class)));
        Set<String> changedIds = changed.stream().map(TaskRecord::externalId).collect(Collectors.toSet());
        exchange.getIn().setBody(new MappedPage(XeroMapper.CONTACTS, changed,
                clients.stream().filter(c -> changedIds.contains(c.externalId())).toList(), rejected,
                last && latest != null ? latest.toString() : null));
    }

    private static SyncContext sync(Exchange exchange) {
        return exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
    }

    private static Instant instant(String cursor) {
        return cursor == null ? null : Instant.parse(cursor);
    }
}
