package io.taskhub.sandbox.insightly;

import java.util.Locale;

/**
 * The record types the simulator serves, each at {@code /v3.1/{resource}}. Ids are numbers that tell their type:
 * the leading digit is the type, the rest counts from 1, so a test can ask for a record by id alone.
 */
public enum InsightlyType {
    ORGANISATIONS("Organisations", "ORGANISATION_ID"),
    CONTACTS("Contacts", "CONTACT_ID"),
    PROJECTS("Projects", "PROJECT_ID"),
    OPPORTUNITIES("Opportunities", "OPPORTUNITY_ID"),
    LEADS("Leads", "LEAD_ID"),
    TASKS("Tasks", "TASK_ID");

    /** Room for 99,999,999 records of each type. */
    private static final long SPAN = 100_000_000L;

    private final String resource;
    private final String idField;

    InsightlyType(String resource, String idField) {
        this.resource = resource;
        this.idField = idField;
    }

    public String resource() {
        return resource;
    }

    public String idField() {
        return idField;
    }

    /** The id of the record counted {@code counter} (from 1). */
    long id(long counter) {
        if (counter < 1 || counter >= SPAN) {
            throw new IllegalArgumentException(resource + " counter out of range: " + counter);
        }
        return (ordinal() + 1) * SPAN + counter;
    }

    static long counterOf(long id) {
        return id % SPAN;
    }

    /** The type of an id, or null if no record of any type can have it. */
    static InsightlyType ofId(long id) {
        long kind = id / SPAN - 1;
        return id % SPAN == 0 || kind < 0 || kind >= values().length ? null : values()[(int) kind];
    }

    /** {@code Contacts}, in any case (the API's paths are not case-sensitive); null if unknown. */
    static InsightlyType ofResource(String resource) {
        for (InsightlyType type : values()) {
            if (type.resource.toLowerCase(Locale.ROOT).equals(resource.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }
}
