package io.taskhub.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation's chart of accounts and the invoices created through the API, with Xero's validation: a whole
 * request is refused (400 ValidationException, each refused invoice carrying its ValidationErrors) if one invoice in
 * it is invalid. A request repeated with the same {@code Idempotency-Key} gets the first answer again.
 */
final class Ledger {

    record Account(String id, String code, String name, String type, String accountClass, String status) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("AccountID", id);
            json.put("Code", code);
            json.put("Name", name);
            json.put("Status", status);
            json.put("Type", type);
            json.put("TaxType", accountClass.equals("REVENUE") ? "OUTPUT" : "INPUT");
            json.put("Class", accountClass);
            json.put("EnablePaymentsToAccount", false);
            json.put("ShowInExpenseClaims", accountClass.equals("EXPENSE"));
            json.put("ReportingCode", accountClass.substring(0, 3));
            json.put("UpdatedDateUTC", XeroReply.date(ContactBook.BASE_STAMP));
            return json;
        }
    }

    private static final Set<String> NOT_FOR_LINES = Set.of("BANK", "CURRENT", "CURRLIAB", "EQUITY");

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final List<Map<String, Object>> invoices = new ArrayList<>();
    private final Map<String, XeroReply> answered = new LinkedHashMap<>();
    private final ContactBook contacts;

    Ledger(ContactBook contacts) {
        this.contacts = contacts;
        for (String[] a : new String[][] {
                {"090", "Business Bank Account", "BANK", "ASSET"},
                {"200", "Sales", "REVENUE", "REVENUE"},
                {"260", "Other Revenue", "REVENUE", "REVENUE"},
                {"270", "Interest Income", "OTHERINCOME", "REVENUE"},
                {"310", "Cost of Goods Sold", "DIRECTCOSTS", "EXPENSE"},
                {"400", "Advertising", "EXPENSE", "EXPENSE"},
                {"404", "Bank Fees", "EXPENSE", "EXPENSE"},
                {"429", "General Expenses", "OVERHEADS", "EXPENSE"},
                {"610", "Accounts Receivable", "CURRENT", "ASSET"},
                {"800", "Accounts Payable", "CURRLIAB", "LIABILITY"},
                {"970", "Owner A Funds Introduced", "EQUITY", "EQUITY"}}) {
            String id = UUID.nameUUIDFromBytes(("account-" + a[0]).getBytes()).toString();
            accounts.put(a[0], new Account(id, a[0], a[1], a[2], a[3], "ACTIVE"));
        }
    }

    synchronized XeroReply accounts() {
        return XeroReply.json(200, envelope("Accounts", accounts.values().stream().map(Account::toJson).toList()));
    }

    synchronized void setAccountStatus(String code, String status) {
        Account a = account(code);
        accounts.put(code, new Account(a.id(), a.code(), a.name(), a.type(), a.accountClass(), status));
    }

    synchronized List<Map<String, Object>> invoices() {
        return List.copyOf(invoices);
    }

    /** {@code PUT/POST /Invoices} with {"Invoices": [...]} or a single invoice object. */
    synchronized XeroReply createInvoices(JsonNode body, String idempotencyKey) {
        if (idempotencyKey != null && answered.containsKey(idempotencyKey)) {
            return answered.get(idempotencyKey);
        }
        XeroReply reply = validateAndCreate(body);
        if (idempotencyKey != null) {
            answered.put(idempotencyKey, reply);
        }
        return reply;
    }

    private XeroReply validateAndCreate(JsonNode body) {
        if (body == null || !body.isObject()) {
            return XeroReply.json(400, Map.of("ErrorNumber", 14, "Type", "PostDataInvalidException",
                    "Message", "The request body is not a valid invoice"));
        }
        List<JsonNode> requested = new ArrayList<>();
        if (body.has("Invoices")) {
            body.path("Invoices").forEach(requested::add);
        } else {
            requested.add(body);
        }
        ArrayNode elements = XeroReply.JSON.createArrayNode();
        boolean refused = false;
        for (JsonNode invoice : requested) {
            List<String> errors = validate(invoice);
            ObjectNode element = invoice.deepCopy();
            if (!errors.isEmpty()) {
                refused = true;
                ArrayNode validationErrors = element.putArray("ValidationErrors");
                errors.forEach(message -> validationErrors.addObject().put("Message", message));
            }
            elements.add(element);
        }
        if (refused) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("ErrorNumber", 10);
            error.put("Type", "ValidationException");
            error.put("Message", "A validation exception occurred");
            error.put("Elements", elements);
            return XeroReply.json(400, error);
        }
        List<Map<String, Object>> created = requested.stream().map(this::book).toList();
        return XeroReply.json(200, envelope("Invoices", created));
    }

    private List<String> validate(JsonNode invoice) {
        List<String> errors = new ArrayList<>();
        String type = invoice.path("Type").asText("");
        if (!type.equals("ACCREC") && !type.equals("ACCPAY")) {
            errors.add("Invoice Type must be specified as ACCREC or ACCPAY");
        }
        String contactId = invoice.path("Contact").path("ContactID").asText("");
        if (contactId.isBlank() || contacts.current(contactId) == null) {
            errors.add("The contact with ContactID '" + contactId + "' could not be found");
        }
        for (String field : List.of("Date", "DueDate")) {
            String value = invoice.path(field).asText("");
            if (!value.isEmpty() && parseDate(value) == null) {
                errors.add(field + " '" + value + "' is not a valid date");
            }
        }
        JsonNode lines = invoice.path("LineItems");
        if (!lines.isArray() || lines.isEmpty()) {
            errors.add("At least one line item is required");
        }
        for (JsonNode line : lines) {
            if (line.path("Description").asText("").isBlank()) {
                errors.add("Description is required for a line item without an item code");
            }
            if (!line.path("Quantity").isNumber() || !line.path("UnitAmount").isNumber()) {
                errors.add("Quantity and UnitAmount must be numbers");
            }
            String code = line.path("AccountCode").asText("");
            Account account = accounts.get(code);
            if (account == null || !account.status().equals("ACTIVE") || NOT_FOR_LINES.contains(account.type())) {
                errors.add("Account code '" + code + "' is not a valid code for this document.");
            }
        }
        return errors;
    }

    private Map<String, Object> book(JsonNode invoice) {
        String contactId = invoice.path("Contact").path("ContactID").asText();
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : invoice.path("LineItems")) {
            BigDecimal amount = line.path("Quantity").decimalValue().multiply(line.path("UnitAmount").decimalValue());
            total = total.add(amount);
            Map<String, Object> booked = new LinkedHashMap<>();
            booked.put("LineItemID", UUID.randomUUID().toString());
            booked.put("Description", line.path("Description").asText());
            booked.put("Quantity", line.path("Quantity").decimalValue());
            booked.put("UnitAmount", line.path("UnitAmount").decimalValue());
            booked.put("AccountCode", line.path("AccountCode").asText());
            booked.put("TaxAmount", BigDecimal.ZERO);
            booked.put("LineAmount", amount);
            lines.add(booked);
        }
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("Type", invoice.path("Type").asText());
        created.put("InvoiceID", UUID.randomUUID().toString());
        created.put("InvoiceNumber", String.format("INV-%04d", invoices.size() + 1));
        created.put("Reference", invoice.path("Reference").asText(""));
        created.put("Status", invoice.path("Status").asText("DRAFT"));
        created.put("Contact", Map.of("ContactID", contactId, "Name", contacts.current(contactId).name()));
        created.put("Date", xeroDate(invoice.path("Date").asText("")));
        created.put("DueDate", xeroDate(invoice.path("DueDate").asText("")));
        created.put("LineAmountTypes", invoice.path("LineAmountTypes").asText("Exclusive"));
        created.put("LineItems", lines);
        created.put("SubTotal", total);
        created.put("TotalTax", BigDecimal.ZERO);
        created.put("Total", total);
        created.put("AmountDue", total);
        created.put("CurrencyCode", "NZD");
        created.put("UpdatedDateUTC", XeroReply.date(System.currentTimeMillis()));
        invoices.add(created);
        return created;
    }

    private Account account(String code) {
        Account account = accounts.get(code);
        if (account == null) {
            throw new IllegalArgumentException("no account with code " + code);
        }
        return account;
    }

    private static Object xeroDate(String value) {
        LocalDate date = parseDate(value);
        return date == null ? null : XeroReply.date(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The envelope around every API answer. */
    static Map<String, Object> envelope(String name, Object items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Id", UUID.randomUUID().toString());
        body.put("Status", "OK");
        body.put("ProviderName", "taskhub Xero simulator");
        body.put("DateTimeUTC", XeroReply.date(System.currentTimeMillis()));
        body.put(name, items);
        return body;
    }
}
