package io.taskhub.sandbox.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One immutable version of a record. Values are held by {@link FieldDef#slot()}. {@code rawFields} is set only for
 * records planted with {@code putMalformed}: the typed values then serve filtering and ordering, while the raw map
 * is what goes on the wire.
 */
final class SObjectRecord {

    final SObjectType type;
    private final Object[] values;
    private final Map<String, Object> rawFields;
    private final boolean purged;

    SObjectRecord(SObjectType type, Object[] values, Map<String, Object> rawFields, boolean purged) {
        this.type = type;
        this.values = values;
        this.rawFields = rawFields;
        this.purged = purged;
    }

    static SObjectRecord tombstone(SObjectType type, String id, long stamp) {
        Object[] values = new Object[type.fields().size()];
        values[type.id.slot()] = id;
        values[type.isDeleted.slot()] = Boolean.TRUE;
        values[type.systemModstamp.slot()] = stamp;
        values[type.lastModifiedDate.slot()] = stamp;
        return new SObjectRecord(type, values, null, true);
    }

    Object get(FieldDef field) {
        return values[field.slot()];
    }

    String id() {
        return (String) values[type.id.slot()];
    }

    boolean isDeleted() {
        return Boolean.TRUE.equals(values[type.isDeleted.slot()]);
    }

    /** The unique, strictly increasing change stamp; equal to SystemModstamp in millis. */
    long stamp() {
        return (Long) values[type.systemModstamp.slot()];
    }

    boolean isPurged() {
        return purged;
    }

    /** Non-null only for a malformed record, whose JSON is emitted exactly as given. */
    Map<String, Object> rawFields() {
        return rawFields;
    }

    /** A copy of the values, for building the next version of this record. */
    Object[] copyValues() {
        return values.clone();
    }

    /** All fields as they would be emitted, for assertions in tests. */
    Map<String, Object> toMap() {
        if (rawFields != null) {
            return new LinkedHashMap<>(rawFields);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (FieldDef field : type.fields()) {
            Object value = values[field.slot()];
            map.put(field.name(), field.kind() == FieldDef.Kind.DATETIME && value != null
                    ? SalesforceDateTimes.format((Long) value)
                    : field.kind() == FieldDef.Kind.DATE && value != null ? value.toString() : value);
        }
        return map;
    }
}
