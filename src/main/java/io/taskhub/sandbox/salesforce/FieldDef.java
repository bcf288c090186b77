package io.taskhub.sandbox.salesforce;

/**
 * One field of a simulated SObject. {@code slot} is the position of the value in a record's value array, so the
 * hot path reads fields by array index instead of by name.
 */
record FieldDef(String name, Kind kind, int slot, boolean writable) {

    /**
     * The Java type a value of this field has inside the simulator. All of them are {@link Comparable} so that
     * WHERE and ORDER BY work the same way for every field.
     */
    enum Kind {
        /** {@link String}, an 18-character Salesforce id. */
        ID,
        /** {@link String}. */
        STRING,
        /** {@link Boolean}. */
        BOOLEAN,
        /** {@link Double}: Salesforce currency fields are JSON numbers. */
        NUMBER,
        /** {@link java.time.LocalDate}, emitted as {@code yyyy-MM-dd}. */
        DATE,
        /** {@link Long} epoch millis, emitted in Salesforce's datetime format. */
        DATETIME
    }
}
