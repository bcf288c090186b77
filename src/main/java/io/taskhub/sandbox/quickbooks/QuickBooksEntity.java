package io.taskhub.sandbox.quickbooks;

import java.util.Locale;

/**
 * The entities the simulator serves. Ids are numbers that tell their entity: customers count from 1, documents from
 * their entity's own hundred million, so a test can ask for any record by id alone.
 */
public enum QuickBooksEntity {
    CUSTOMER("Customer"),
    INVOICE("Invoice"),
    PAYMENT("Payment"),
    ESTIMATE("Estimate");

    /** Room for 99,999,999 records of each entity. */
    private static final long SPAN = 100_000_000L;

    private final String entityName;

    QuickBooksEntity(String entityName) {
        this.entityName = entityName;
    }

    /** {@code Customer}: how queries, answers and change data capture name it. */
    public String entityName() {
        return entityName;
    }

    long id(long counter) {
        if (counter < 1 || counter >= SPAN) {
            throw new IllegalArgumentException(entityName + " counter out of range: " + counter);
        }
        return ordinal() * SPAN + counter;
    }

    static long counterOf(long id) {
        return id % SPAN;
    }

    /** The entity of an id, or null if no record can have it. */
    static QuickBooksEntity ofId(long id) {
        long kind = id / SPAN;
        return id % SPAN == 0 || id < 0 || kind >= values().length ? null : values()[(int) kind];
    }

    /** {@code customer} or {@code Customer} (paths are lower case, queries capitalised); null if unknown. */
    static QuickBooksEntity named(String name) {
        for (QuickBooksEntity entity : values()) {
            if (entity.entityName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return entity;
            }
        }
        return null;
    }
}
