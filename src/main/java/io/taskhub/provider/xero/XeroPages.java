package io.taskhub.provider.xero;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sync.ListPages;
import io.taskhub.sync.MappedRecord;
import org.springframework.stereotype.Component;

/**
 * Xero's contact pages, newest first ({@code order=UpdatedDateUTC DESC}): a contact changed meanwhile moves to the
 * front, so later pages shift towards repeats, never gaps. The cursor moves with the last page only: a fetch that
 * stops half way (a daily limit) reads everything it missed next time.
 */
@Component("xeroPages")
public class XeroPages implements ListPages<XeroPages.Request> {

    /** A page of {@code GET /Contacts}, and its If-Modified-Since (whole seconds, as Xero reads it) or null. */
    public record Request(int page, String modifiedSince) {
    }

    private final XeroProperties properties;

    public XeroPages(XeroProperties properties) {
        this.properties = properties;
    }

    @Override
    public Request first(String type, Instant since) {
        return new Request(1, since == null ? null : since.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    @Override
    public String listAt(Request request) {
        return "/Contacts";
    }

    @Override
    public Request next(Request request, JsonNode answer, int records) {
        return records < properties.pageSize() ? null : new Request(request.page() + 1, request.modifiedSince());
    }

    @Override
    public MappedRecord map(String type, JsonNode contact, ImportContext context) {
        return XeroMapper.contact(contact);
    }

    @Override
    public String id(String type, JsonNode contact) {
        return contact.path("ContactID").asText(null);
    }

    @Override
    public Duration overlap() {
        return properties.overlap();
    }
}
