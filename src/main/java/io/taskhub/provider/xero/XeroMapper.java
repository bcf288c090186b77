package io.taskhub.provider.xero;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskhub.model.ArchiveReason;
import io.taskhub.model.ClientRecord;
import io.taskhub.model.ExportedInvoice;
import io.taskhub.model.InvoiceExport;
import io.taskhub.model.LedgerAccount;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.RecordRejected;
import io.taskhub.sync.MappedRecord;

/** Xero's JSON to the canonical model and back: contacts, the chart of accounts, invoices. Pure: no I/O, no Spring. */
public final class XeroMapper {

    public static final String CONTACTS = "contacts";
    public static final String REVENUE_SETTING = "revenueAccountCode";
    public static final String EXPENSE_SETTING = "expenseAccountCode";

    /** Contacts in these states are gone from the organisation's working set: their task is archived (CLOSED). */
    private static final Set<String> ARCHIVED_STATES = Set.of("ARCHIVED", "GDPRREQUEST");
    /** {@code /Date(1419937200000+0000)/}: milliseconds since the epoch (UTC), the offset only a hint. */
    private static final Pattern XERO_DATE = Pattern.compile("^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$");
    private static final List<String> PHONE_PREFERENCE = List.of("DEFAULT", "MOBILE", "DDI");
    private static final List<String> ADDRESS_PREFERENCE = List.of("STREET", "POBOX");

    private XeroMapper() {
    }

    /** One contact: a task directly under the root, and the client it stands for. */
    public static MappedRecord contact(JsonNode contact) {
        String id = required(contact, "ContactID");
        String name = name(contact);
        boolean archived = ARCHIVED_STATES.contains(contact.path("ContactStatus").asText("ACTIVE"));
        Instant updated = updatedAt(contact);
        return new MappedRecord(
                TaskRecord.of(CONTACTS, id, name, archived ? ArchiveReason.CLOSED : null, updated),
                new ClientRecord(CONTACTS, id, name, text(contact, "EmailAddress"), phone(contact),
                        text(contact, "Website"), address(contact), archived));
    }

    /** When the contact last changed, by Xero's clock: the incremental cursor's unit. */
    public static Instant updatedAt(JsonNode contact) {
        String value = required(contact, "UpdatedDateUTC");
        Instant instant = instant(value);
        if (instant == null) {
            throw new RecordRejected("UpdatedDateUTC is not a Xero date: " + value);
        }
        return instant;
    }

    /** A Xero date, {@code /Date(ms+0000)/} or ISO (UTC when it has no offset); null if it is neither. */
    public static Instant instant(String value) {
        Matcher xero = XERO_DATE.matcher(value.trim());
        if (xero.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(xero.group(1)));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    /**
     * What is wrong with the account codes chosen in the settings, one message per setting; empty if both are fine.
     * The revenue account must be of class REVENUE (types REVENUE, SALES, OTHERINCOME), the expense account of class
     * EXPENSE (EXPENSE, OVERHEADS, DIRECTCOSTS...), and both active.
     */
    public static List<String> accountCodeProblems(JsonNode accountsAnswer, String revenueCode, String expenseCode) {
        List<String> problems = new ArrayList<>();
        accountProblem(accountsAnswer, REVENUE_SETTING, revenueCode, "REVENUE", "a revenue").ifPresent(problems::add);
        accountProblem(accountsAnswer, EXPENSE_SETTING, expenseCode, "EXPENSE", "an expense").ifPresent(problems::add);
        return problems;
    }

    /** The active revenue and expense accounts of a {@code GET /Accounts} answer: the ones the settings may name. */
    public static List<LedgerAccount> bookableAccounts(JsonNode accountsAnswer) {
        List<LedgerAccount> accounts = new ArrayList<>();
        for (JsonNode account : accountsAnswer.path("Accounts")) {
            String accountClass = account.path("Class").asText();
            if (account.path("Status").asText("ACTIVE").equals("ACTIVE") && !account.path("Code").asText("").isBlank()
                    && (accountClass.equals("REVENUE") || accountClass.equals("EXPENSE"))) {
                accounts.add(new LedgerAccount(account.path("Code").asText(), account.path("Name").asText(),
                        account.path("Type").asText(), accountClass));
            }
        }
        return accounts;
    }

    /** The body of {@code PUT /Invoices}: one ACCREC draft, every line booked to the revenue account. */
    public static ObjectNode invoice(InvoiceExport export, String revenueAccountCode) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode invoice = json.objectNode();
        invoice.put("Type", "ACCREC");
        invoice.putObject("Contact").put("ContactID", export.contactExternalId());
        invoice.put("Date", export.date().toString());
        if (export.dueDate() != null) {
            invoice.put("DueDate", export.dueDate().toString());
        }
        if (export.reference() != null) {
            invoice.put("Reference", export.reference());
        }
        invoice.put("Status", "DRAFT");
        invoice.put("LineAmountTypes", "Exclusive");
        ArrayNode lines = invoice.putArray("LineItems");
        for (InvoiceExport.Line line : export.lines()) {
            lines.addObject()
                    .put("Description", line.description())
                    .put("Quantity", line.quantity())
                    .put("UnitAmount", line.unitAmount())
                    .put("AccountCode", revenueAccountCode);
        }
        ObjectNode body = json.objectNode();
        body.putArray("Invoices").add(invoice);
        return body;
    }

    /** Xero's answer to a created invoice. */
    public static ExportedInvoice createdInvoice(JsonNode answer) {
        JsonNode invoice = answer.path("Invoices").path(0);
        String id = invoice.path("InvoiceID").asText("");
        if (id.isBlank()) {
            throw new IllegalStateException("Xero answered without an InvoiceID");
        }
        return new ExportedInvoice(id, invoice.path("Status").asText(null));
    }

    /** The messages of a 400 ValidationException ({@code Elements[].ValidationErrors[].Message}), else its Message. */
    public static List<String> validationMessages(JsonNode error) {
        List<String> messages = new ArrayList<>();
        error.path("Elements").forEach(element -> element.path("ValidationErrors")
                .forEach(v -> messages.add(v.path("Message").asText())));
        error.path("ValidationErrors").forEach(v -> messages.add(v.path("Message").asText()));
        if (messages.isEmpty() && !error.path("Message").asText("").isBlank()) {
            messages.add(error.path("Message").asText());
        }
        return messages.stream().filter(m -> !m.isBlank()).distinct().toList();
    }

    private static Optional<String> accountProblem(JsonNode answer, String setting, String code,
                                                             String accountClass, String kind) {
        String prefix = "settings." + setting + ": ";
        JsonNode account = null;
        for (JsonNode candidate : answer.path("Accounts")) {
            if (candidate.path("Code").asText("").equalsIgnoreCase(code)) {
                account = candidate;
            }
        }
        if (account == null) {
            return Optional.of(prefix + "Xero has no account with code '" + code + "'");
        }
        String label = "account " + code + " (" + account.path("Name").asText() + ")";
        if (!account.path("Class").asText().equals(accountClass)) {
            return Optional.of(prefix + label + " is of class " + account.path("Class").asText() + " (type "
                    + account.path("Type").asText() + "), not " + kind + " account");
        }
        if (!account.path("Status").asText("ACTIVE").equals("ACTIVE")) {
            return Optional.of(prefix + label + " is " + account.path("Status").asText().toLowerCase());
        }
        return Optional.empty();
    }

    private static String name(JsonNode contact) {
        String name = text(contact, "Name");
        if (name != null) {
            return name;
        }
        String person = Stream.of(text(contact, "FirstName"), text(contact, "LastName"))
                .filter(part -> part != null).collect(Collectors.joining(" "));
        if (person.isBlank()) {
            throw new RecordRejected("Name is missing");
        }
        return person;
    }

    private static String phone(JsonNode contact) {
        for (String type : PHONE_PREFERENCE) {
            for (JsonNode phone : contact.path("Phones")) {
                String number = text(phone, "PhoneNumber");
                if (type.equals(phone.path("PhoneType").asText()) && number != null) {
                    String country = text(phone, "PhoneCountryCode");
                    return Stream.of(country == null ? null : "+" + country, text(phone, "PhoneAreaCode"), number)
                            .filter(part -> part != null).collect(Collectors.joining(" "));
                }
            }
        }
        return null;
    }

    private static String address(JsonNode contact) {
        for (String type : ADDRESS_PREFERENCE) {
            for (JsonNode address : contact.path("Addresses")) {
                if (type.equals(address.path("AddressType").asText())) {
                    String text = Stream.of("AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4", "City",
                                    "Region", "PostalCode", "Country")
                            .map(field -> text(address, field)).filter(part -> part != null)
                            .collect(Collectors.joining(", "));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
        }
        return null;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new RecordRejected(field + " is missing");
        }
        return value;
    }

    /** The field's text, trimmed; null if absent, null or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().trim();
    }
}
