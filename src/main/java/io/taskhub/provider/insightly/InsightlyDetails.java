package io.taskhub.provider.insightly;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskhub.model.ContactDetails;
import io.taskhub.model.PostalAddress;

/**
 * The contact details of Insightly contacts and organisations, and the partial update ({@code PUT} v3.1 changes only
 * the fields it is sent) that writes details onto one. Contacts have a mail and an other address, no website;
 * organisations a billing and a shipping address, no email. Pure: no I/O, no Spring.
 */
public final class InsightlyDetails {

    private static final String[] ADDRESS_PARTS = {"STREET", "CITY", "STATE", "POSTCODE", "COUNTRY"};

    private InsightlyDetails() {
    }

    /** Whether the hub can read and write details of records of this type. */
    public static boolean supports(String type) {
        return InsightlyMapper.CONTACTS.equals(type) || InsightlyMapper.ORGANISATIONS.equals(type);
    }

    public static ContactDetails details(String type, JsonNode r) {
        Map<String, String> fields = fields(type);
        return new ContactDetails(text(r, fields.get("email")), text(r, fields.get("phone")),
                text(r, fields.get("mobile")), text(r, fields.get("fax")), text(r, fields.get("website")),
                address(r, fields.get("billing")), address(r, fields.get("shipping")));
    }

    /**
     * The body of a {@code PUT /Contacts} or {@code PUT /Organisations} that writes these details onto the record as
     * it is now: the details that are set, in the fields the record has; the others are left alone.
     */
    public static ObjectNode update(String type, JsonNode current, ContactDetails details) {
        Map<String, String> fields = fields(type);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String idField = "contacts".equals(type) ? "CONTACT_ID" : "ORGANISATION_ID";
        body.set(idField, current.get(idField));
        put(body, current, fields.get("email"), details.email());
        put(body, current, fields.get("phone"), details.phone());
        put(body, current, fields.get("mobile"), details.mobile());
        put(body, current, fields.get("fax"), details.fax());
        put(body, current, fields.get("website"), details.website());
        putAddress(body, current, fields.get("billing"), details.billing());
        putAddress(body, current, fields.get("shipping"), details.shipping());
        return body;
    }

    /** Which field holds what; an address entry is the prefix of its parts. */
    private static Map<String, String> fields(String type) {
        Map<String, String> fields = new LinkedHashMap<>();
        switch (type) {
            case InsightlyMapper.CONTACTS -> {
                fields.put("email", "EMAIL_ADDRESS");
                fields.put("phone", "PHONE");
                fields.put("mobile", "PHONE_MOBILE");
                fields.put("fax", "PHONE_FAX");
                fields.put("billing", "ADDRESS_MAIL_");
                fields.put("shipping", "ADDRESS_OTHER_");
            }
            case InsightlyMapper.ORGANISATIONS -> {
                fields.put("phone", "PHONE");
                fields.put("fax", "PHONE_FAX");
                fields.put("website", "WEBSITE");
                fields.put("billing", "ADDRESS_BILLING_");
                fields.put("shipping", "ADDRESS_SHIP_");
            }
            default -> throw new IllegalArgumentException("Insightly " + type + " have no contact details");
        }
        return fields;
    }

    private static void put(ObjectNode body, JsonNode current, String field, String value) {
        if (field != null && value != null && !value.isBlank() && current.has(field)) {
            body.put(field, value.trim());
        }
    }

    private static void putAddress(ObjectNode body, JsonNode current, String prefix, PostalAddress address) {
        if (prefix == null || address == null || address.isEmpty()) {
            return;
        }
        String[] values = {address.street(), address.city(), address.region(), address.postcode(), address.country()};
        for (int i = 0; i < ADDRESS_PARTS.length; i++) {
            put(body, current, prefix + ADDRESS_PARTS[i], values[i]);
        }
    }

    private static PostalAddress address(JsonNode r, String prefix) {
        if (prefix == null) {
            return null;
        }
        PostalAddress address = new PostalAddress(text(r, prefix + "STREET"), text(r, prefix + "CITY"),
                text(r, prefix + "STATE"), text(r, prefix + "POSTCODE"), text(r, prefix + "COUNTRY"));
        return address.isEmpty() ? null : address;
    }

    private static String text(JsonNode r, String field) {
        if (field == null) {
            return null;
        }
        JsonNode value = r.get(field);
        return value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank() ? null
                : value.asText().trim();
    }
}
