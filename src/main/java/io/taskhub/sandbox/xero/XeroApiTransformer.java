package io.taskhub.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.CatchAllTransformer;
import io.taskhub.sandbox.FormEncoding;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WireMock side: a catch-all stub hands every request here, and this routes it to the identity server, the
 * connections list or the accounting API. Only HTTP plumbing lives here.
 */
final class XeroApiTransformer extends CatchAllTransformer {

    static final String NAME = "xero-simulator";
    static final String API = "/api.xro/2.0/";
    private static final int MAX_PAGE_SIZE = 1000;

    private final XeroIdentity identity;
    private final ContactBook contacts;
    private final Ledger ledger;
    private final XeroTraffic traffic;

    XeroApiTransformer(XeroIdentity identity, ContactBook contacts, Ledger ledger, XeroTraffic traffic) {
        super(NAME);
        this.identity = identity;
        this.contacts = contacts;
        this.ledger = ledger;
        this.traffic = traffic;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        XeroReply reply;
        try {
            reply = route(serveEvent.getRequest());
            if (reply.dropped()) {
                return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            }
        } catch (RuntimeException e) {
            reply = XeroReply.json(500, Map.of("ErrorNumber", 500, "Type", "UnknownErrorException",
                    "Message", "An error occurred in Xero: " + e));
        }
        ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder().withStatus(reply.status());
        reply.headers().forEach(builder::withHeader);
        if (reply.body() != null) {
            builder.withBody(reply.body());
        }
        return builder.build();
    }

    private XeroReply route(Request request) {
        String url = request.getUrl();
        String path = path(request);
        Map<String, String> query = FormEncoding.parse(query(request));
        RequestMethod method = request.getMethod();
        if (path.equals(XeroSimulator.AUTHORIZE_PATH) && method.equals(RequestMethod.GET)) {
            return identity.authorize(query);
        }
        if (path.equals(XeroSimulator.REVOKE_PATH) && method.equals(RequestMethod.POST)) {
            return identity.revoke(request.getHeader("Authorization"), request.getBodyAsString());
        }
        if (path.equals("/connect/token") && method.equals(RequestMethod.POST)) {
            traffic.tokenRequests.incrementAndGet();
            return identity.token(request.getHeader("Authorization"), request.getBodyAsString());
        }
        if (path.startsWith(API) && traffic.revocationDue()) {
            identity.expireAccessTokens();
        }
        String refusal = identity.refusal(request.getHeader("Authorization"));
        if (path.equals("/connections") && method.equals(RequestMethod.GET)) {
            return refusal != null ? XeroReply.problem(401, "Unauthorized", refusal) : connections();
        }
        if (!path.startsWith(API)) {
            return XeroReply.json(404, Map.of("Title", "Not Found", "Status", 404));
        }
        String resource = path.substring(API.length());
        countApiRequest(resource);
        if (refusal != null) {
            return XeroReply.problem(401, "Unauthorized", refusal);
        }
        String tenant = request.getHeader("xero-tenant-id");
        if (tenant == null || !identity.hasTenant(tenant)) {
            return XeroReply.problem(403, "Forbidden", "AuthorizationUnsuccessful");
        }
        XeroReply planned = traffic.nextPlanned();
        if (planned != null) {
            return planned;
        }
        XeroReply answer = switch (resource) {
            case "Contacts" -> method.equals(RequestMethod.GET)
                    ? contacts(query, request.getHeader("If-Modified-Since"), url, tenant) : notAllowed();
            case "Accounts" -> method.equals(RequestMethod.GET) ? ledger.accounts() : notAllowed();
            case "Invoices" -> method.equals(RequestMethod.PUT) || method.equals(RequestMethod.POST)
                    ? booked(ledger.createInvoices(parse(request.getBodyAsString()),
                            request.getHeader("Idempotency-Key")))
                    : notAllowed();
            default -> XeroReply.json(404, Map.of("Title", "Not Found", "Status", 404));
        };
        return traffic.withLimits(answer);
    }

    private XeroReply contacts(Map<String, String> query, String ifModifiedSince, String url, String tenant) {
        traffic.logContacts(new XeroSimulator.ContactsRequest(url, ifModifiedSince, tenant));
        String order = query.getOrDefault("order", "UpdatedDateUTC ASC").trim();
        if (!order.matches("(?i)UpdatedDateUTC( (ASC|DESC))?")) {
            return validation("The simulator orders contacts by UpdatedDateUTC only, not by '" + order + "'");
        }
        boolean paged = query.containsKey("page");
        int page = paged ? Integer.parseInt(query.get("page")) : 1;
        int size = paged ? Math.min(MAX_PAGE_SIZE, Integer.parseInt(query.getOrDefault("pageSize", "100")))
                : Integer.MAX_VALUE;
        if (page < 1 || size < 1) {
            return validation("page and pageSize must be positive");
        }
        ContactBook.Page result = contacts.page(since(ifModifiedSince),
                Boolean.parseBoolean(query.getOrDefault("includeArchived", "false")),
                order.toUpperCase().endsWith("DESC"), page, size);
        Map<String, Object> body = Ledger.envelope("Contacts",
                result.contacts().stream().map(ContactBook.Contact::toJson).toList());
        if (paged) {
            Map<String, Object> pagination = new LinkedHashMap<>();
            pagination.put("page", page);
            pagination.put("pageSize", size);
            pagination.put("pageCount", (result.total() + size - 1) / size);
            pagination.put("itemCount", result.total());
            body.put("pagination", pagination);
        }
        return XeroReply.json(200, body);
    }

    /** What Xero booked, unless the answer is lost on its way back (the booking stays). */
    private XeroReply booked(XeroReply answer) {
        return traffic.dropsAnswer() ? XeroReply.DROPPED : answer;
    }

    private XeroReply connections() {
        List<Map<String, Object>> tenants = identity.tenants().stream().map(t -> {
            Map<String, Object> connection = new LinkedHashMap<>();
            connection.put("id", java.util.UUID.nameUUIDFromBytes(t.id().getBytes()).toString());
            connection.put("authEventId", java.util.UUID.nameUUIDFromBytes(("auth" + t.id()).getBytes()).toString());
            connection.put("tenantId", t.id());
            connection.put("tenantType", "ORGANISATION");
            connection.put("tenantName", t.name());
            connection.put("createdDateUtc", "2024-01-01T00:00:00.0000000");
            connection.put("updatedDateUtc", "2024-01-01T00:00:00.0000000");
            return connection;
        }).toList();
        return XeroReply.json(200, tenants);
    }

    private void countApiRequest(String resource) {
        if (resource.equals("Contacts")) {
            traffic.contactsRequests.incrementAndGet();
        }
    }

    /** An HTTP date (RFC 1123) or an ISO date-time, UTC unless it says otherwise; null if absent or unreadable. */
    static Long since(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String text = header.trim();
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException notHttpDate) {
            try {
                TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
                Instant instant = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? Instant.from(parsed)
                        : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
                return instant.toEpochMilli();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    private static XeroReply validation(String message) {
        return XeroReply.json(400, Map.of("ErrorNumber", 10, "Type", "ValidationException",
                "Message", "A validation exception occurred", "Elements", List.of(),
                "ValidationErrors", List.of(Map.of("Message", message))));
    }

    private static XeroReply notAllowed() {
        return XeroReply.json(405, Map.of("Title", "Method Not Allowed", "Status", 405));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : XeroReply.JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
