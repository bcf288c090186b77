package io.taskhub.provider.quickbooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskhub.model.ContactDetails;
import io.taskhub.model.PostalAddress;
import io.taskhub.provider.RecordRejected;

/**
 * QuickBooks Online's JSON (API v3, minor version 75) to the hub's read copy and back: customers, invoices, payments
 * and estimates, change data capture, faults, and the bodies of customer creates and sparse updates. Pure: no I/O,
 * no Spring.
 */
public final class QuickBooksMapper {

    public static final String CUSTOMER = "Customer";
    public static final String INVOICE = "Invoice";
    public static final String PAYMENT = "Payment";
    public static final String ESTIMATE = "Estimate";
    /** What a sync reads, customers first so that documents find theirs. */
    public static final List<String> ENTITIES = List.of(CUSTOMER, INVOICE, PAYMENT, ESTIMATE);

    /** The provider's types (cursors, rejected records) by entity. */
    private static final Map<String, String> TYPES = Map.of(CUSTOMER, "customers", INVOICE, "invoices",
            PAYMENT, "payments", ESTIMATE, "estimates");
    private static final int ADDRESS_LINES = 5;

    private QuickBooksMapper() {
    }

    /** One of QuickBooks' errors: {@code code} is its number as text ({@code 6240}). */
    public record Error(String code, String message, String detail, String element) {
    }

    /** A QuickBooks fault: its type ({@code ValidationFault}, {@code AUTHENTICATION}...) and its errors. */
    public record Fault(String type, List<Error> errors) {

        public boolean has(String code) {
            return errors.stream().anyMatch(e -> code.equals(e.code()));
        }

        /** QuickBooks' own words: {@code Duplicate Name Exists Error: The name supplied already exists (code 6240)}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Error e : errors) {
                String text = e.message() == null ? "" : e.message();
                if (e.detail() != null && !e.detail().equals(e.message())) {
                    text = text.isEmpty() ? e.detail() : text + ": " + e.detail();
                }
                parts.add(text + (e.code() == null ? "" : " (code " + e.code() + ")"));
            }
            return parts.isEmpty() ? "a " + type + " fault without errors" : String.join("; ", parts);
        }
    }

    /** An entity that change data capture reports deleted. */
    public record Deletion(String entity, String id) {
    }

    /** {@code Customer} for {@code customers}. */
    public static String entity(String type) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("QuickBooks has no " + type + " the hub reads"));
    }

    /** {@code customers} for {@code Customer}. */
    public static String type(String entity) {
        String type = TYPES.get(entity);
        if (type == null) {
            throw new IllegalArgumentException("the hub does not read QuickBooks " + entity + " entities");
        }
        return type;
    }

    /**
     * The fault in an answer, if any. QuickBooks writes {@code Fault.Error[]} in most answers and
     * {@code fault.error[]} in some (its authentication layer), sometimes inside an HTTP 200.
     */
    public static Optional<Fault> fault(JsonNode answer) {
        JsonNode fault = field(answer, "Fault", "fault");
        if (fault == null || !fault.isObject()) {
            return Optional.empty();
        }
        List<Error> errors = new ArrayList<>();
        JsonNode list = field(fault, "Error", "error");
        if (list != null) {
            for (JsonNode e : list.isArray() ? list : JsonNodeFactory.instance.arrayNode().add(list)) {
                errors.add(new Error(text(e, "code", "Code"), text(e, "Message", "message"),
                        text(e, "Detail", "detail"), text(e, "element", "Element")));
            }
        }
        return Optional.of(new Fault(text(fault, "type", "Type"), errors));
    }

    /** The records of a query answer ({@code QueryResponse.Customer[]}); none when QuickBooks left the list out. */
    public static List<JsonNode> records(JsonNode answer, String entity) {
        List<JsonNode> records = new ArrayList<>();
        answer.path("QueryResponse").path(entity).forEach(records::add);
        return records;
    }

    public static QuickBooksCustomer customer(JsonNode c) {
        String id = required(c, "Id");
        String displayName = required(c, "DisplayName");
        return new QuickBooksCustomer(id, displayName, text(c, "CompanyName"), text(c, "GivenName"),
                text(c, "FamilyName"), text(c.path("PrimaryEmailAddr"), "Address"),
                text(c.path("PrimaryPhone"), "FreeFormNumber"), text(c.path("Mobile"), "FreeFormNumber"),
                text(c.path("Fax"), "FreeFormNumber"), text(c.path("WebAddr"), "URI"),
                address(c.path("BillAddr")).oneLine(), c.path("Active").asBoolean(true), amount(c, "Balance"),
                text(c, "SyncToken"), updatedAt(c));
    }

    /** An Invoice, Payment or Estimate entity. */
    public static QuickBooksDocument document(String entity, JsonNode d) {
        String id = required(d, "Id");
        Instant updated = updatedAt(d);
        String customer = text(d.path("CustomerRef"), "value");
        BigDecimal total = amount(d, "TotalAmt");
        LocalDate date = date(d, "TxnDate");
        return switch (entity) {
            case INVOICE -> {
                BigDecimal balance = amount(d, "Balance");
                yield new QuickBooksDocument("INVOICE", id, text(d, "DocNumber"), date, date(d, "DueDate"), total,
                        balance, settlement(total, balance, "PAID", "PARTIALLY_PAID", "OPEN"), customer, updated);
            }
            case PAYMENT -> {
                BigDecimal unapplied = amount(d, "UnappliedAmt");
                yield new QuickBooksDocument("PAYMENT", id, text(d, "PaymentRefNum"), date, null, total, unapplied,
                        settlement(total, unapplied, "APPLIED", "PARTIALLY_APPLIED", "UNAPPLIED"), customer,
                        updated);
            }
            case ESTIMATE -> {
                String status = text(d, "TxnStatus");
                yield new QuickBooksDocument("ESTIMATE", id, text(d, "DocNumber"), date, date(d, "ExpirationDate"),
                        total, null, status == null ? "PENDING" : status.toUpperCase(Locale.ROOT), customer, updated);
            }
            default -> throw new IllegalArgumentException("QuickBooks " + entity + " is not a document");
        };
    }

    /** The document type the hub's API names an entity by: {@code INVOICE} for {@code Invoice}. */
    public static String documentType(String entity) {
        return entity.toUpperCase(Locale.ROOT);
    }

    /** The entities a change data capture answer reports deleted ({@code status: "Deleted"}). */
    public static List<Deletion> deletions(JsonNode answer) {
        List<Deletion> deletions = new ArrayList<>();
        for (JsonNode response : answer.path("CDCResponse")) {
            for (JsonNode part : response.path("QueryResponse")) {
                part.fields().forEachRemaining(field -> {
                    if (field.getValue().isArray()) {
                        for (JsonNode entity : field.getValue()) {
                            if ("Deleted".equalsIgnoreCase(entity.path("status").asText()) && text(entity, "Id") != null) {
                                deletions.add(new Deletion(field.getKey(), text(entity, "Id")));
                            }
                        }
                    }
                });
            }
        }
        return deletions;
    }

    /** {@code MetaData.LastUpdatedTime}: the incremental cursor's unit. */
    public static Instant updatedAt(JsonNode record) {
        String value = text(record.path("MetaData"), "LastUpdatedTime");
        if (value == null) {
            throw new RecordRejected("MetaData.LastUpdatedTime is missing");
        }
        Instant instant = instant(value);
        if (instant == null) {
            throw new RecordRejected("MetaData.LastUpdatedTime is not a date-time with an offset: " + value);
        }
        return instant;
    }

    /** QuickBooks' date-times carry the company's offset ({@code 2026-11-20T01:15:02-08:00}); null if unreadable. */
    public static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The contact details of a customer entity. */
    public static ContactDetails details(JsonNode c) {
        PostalAddress billing = address(c.path("BillAddr"));
        PostalAddress shipping = address(c.path("ShipAddr"));
        return new ContactDetails(text(c.path("PrimaryEmailAddr"), "Address"),
                text(c.path("PrimaryPhone"), "FreeFormNumber"), text(c.path("Mobile"), "FreeFormNumber"),
                text(c.path("Fax"), "FreeFormNumber"), text(c.path("WebAddr"), "URI"),
                billing.isEmpty() ? null : billing, shipping.isEmpty() ? null : shipping);
    }

    /**
     * The body of {@code POST /customer} that creates a customer (never a vendor) named after a client.
     *
     * @param organisation whether the client is a company: its name is then also the customer's company name
     */
    public static ObjectNode newCustomer(String displayName, boolean organisation, ContactDetails details) {
        ObjectNode customer = JsonNodeFactory.instance.objectNode();
        customer.put("DisplayName", displayName);
        if (organisation) {
            customer.put("CompanyName", displayName);
        }
        putDetails(customer, details);
        return customer;
    }

    /**
     * The body of a sparse update ({@code POST /customer} with {@code sparse: true}) that copies these details onto
     * the customer: only the details that are set are sent, so QuickBooks leaves the others as they are.
     */
    public static ObjectNode detailsUpdate(String customerId, String syncToken, ContactDetails details) {
        ObjectNode customer = JsonNodeFactory.instance.objectNode();
        customer.put("Id", customerId);
        customer.put("SyncToken", syncToken);
        customer.put("sparse", true);
        putDetails(customer, details);
        return customer;
    }

    /** The entity in an answer to a create, read or update: {@code {"Customer": {...}, "time": ...}}. */
    public static JsonNode entity(JsonNode answer, String entity) {
        JsonNode record = answer.path(entity);
        if (!record.isObject()) {
            throw new IllegalStateException("QuickBooks answered without a " + entity);
        }
        return record;
    }

    private static void putDetails(ObjectNode customer, ContactDetails details) {
        if (details == null) {
            return;
        }
        putNested(customer, "PrimaryEmailAddr", "Address", details.email());
        putNested(customer, "PrimaryPhone", "FreeFormNumber", details.phone());
        putNested(customer, "Mobile", "FreeFormNumber", details.mobile());
        putNested(customer, "Fax", "FreeFormNumber", details.fax());
        putNested(customer, "WebAddr", "URI", details.website());
        putAddress(customer, "BillAddr", details.billing());
        putAddress(customer, "ShipAddr", details.shipping());
    }

    private static void putNested(ObjectNode customer, String aggregate, String field, String value) {
        if (value != null && !value.isBlank()) {
            customer.putObject(aggregate).put(field, value.trim());
        }
    }

    /** Street lines go to Line1..Line5 (the last one takes what does not fit). */
    private static void putAddress(ObjectNode customer, String aggregate, PostalAddress address) {
        if (address == null || address.isEmpty()) {
            return;
        }
        ObjectNode node = customer.putObject(aggregate);
        List<String> lines = address.street() == null ? List.of()
                : address.street().lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        for (int i = 0; i < lines.size() && i < ADDRESS_LINES; i++) {
            node.put("Line" + (i + 1), i == ADDRESS_LINES - 1
                    ? String.join(", ", lines.subList(i, lines.size())) : lines.get(i));
        }
        putIfSet(node, "City", address.city());
        putIfSet(node, "CountrySubDivisionCode", address.region());
        putIfSet(node, "PostalCode", address.postcode());
        putIfSet(node, "Country", address.country());
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.trim());
        }
    }

    private static PostalAddress address(JsonNode a) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= ADDRESS_LINES; i++) {
            String line = text(a, "Line" + i);
            if (line != null) {
                lines.add(line);
            }
        }
        return new PostalAddress(lines.isEmpty() ? null : String.join("\n", lines), text(a, "City"),
                text(a, "CountrySubDivisionCode"), text(a, "PostalCode"), text(a, "Country"));
    }

    /** Nothing left: settled; all of it left: open; else in between. */
    private static String settlement(BigDecimal total, BigDecimal left, String settled, String partly, String open) {
        if (left == null || left.signum() == 0) {
            return settled;
        }
        return total != null && left.compareTo(total) < 0 ? partly : open;
    }

    /** A calendar date; some answers follow it with the company's offset ({@code 2015-07-24-07:00}). */
    private static LocalDate date(JsonNode d, String field) {
        String value = text(d, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new RecordRejected(field + " is not a date: " + value);
        }
    }

    private static BigDecimal amount(JsonNode d, String field) {
        JsonNode value = d.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new RecordRejected(field + " is not an amount: " + value.asText());
        }
    }

    private static String required(JsonNode r, String field) {
        String value = text(r, field);
        if (value == null) {
            throw new RecordRejected(field + " is missing");
        }
        return value;
    }

    /** The first of these fields that is present, as trimmed text; null when absent, null or blank. */
    private static String text(JsonNode r, String... fields) {
        for (String field : fields) {
            JsonNode value = r.get(field);
            if (value != null && !value.isNull() && !value.isContainerNode() && !value.asText().isBlank()) {
                return value.asText().trim();
            }
        }
        return null;
    }

    private static JsonNode field(JsonNode r, String... names) {
        for (String name : names) {
            JsonNode value = r.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }
}
