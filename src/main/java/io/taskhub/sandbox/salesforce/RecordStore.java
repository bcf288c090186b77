package io.taskhub.sandbox.salesforce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The simulated org's data: generated records computed on demand plus an overlay of the records changed, created,
 * deleted or purged through the control API. Overlay entries replace the generated record with the same id; a
 * purged record stays in the overlay as a tombstone so that it hides its generated original.
 *
 * <p>Mutations are serialised so that the change stamp order equals the order in which they become visible; a
 * query that has read {@link #snapshotStamp()} therefore sees every change stamped up to it. Readers do not lock.
 */
final class RecordStore {

    private final RecordGenerator generator;
    private final Map<SObjectType, Integer> generatedCounts = new EnumMap<>(SObjectType.class);
    private final Map<SObjectType, Long> nextCounters = new EnumMap<>(SObjectType.class);
    private final Map<SObjectType, NavigableSet<Integer>> overlaidIndexes = new EnumMap<>(SObjectType.class);
    private final ConcurrentHashMap<String, SObjectRecord> overlay = new ConcurrentHashMap<>();
    private final Object mutationLock = new Object();
    private volatile long lastStamp;

    RecordStore(long seed, int opportunities, int cases) {
        if (opportunities < 0 || cases < 0) {
            throw new IllegalArgumentException("record counts must not be negative");
        }
        this.generator = new RecordGenerator(seed);
        generatedCounts.put(SObjectType.OPPORTUNITY, opportunities);
        generatedCounts.put(SObjectType.CASE, cases);
        for (SObjectType type : SObjectType.values()) {
            nextCounters.put(type, generatedCounts.get(type) + 1L);
            overlaidIndexes.put(type, new ConcurrentSkipListSet<>());
        }
        lastStamp = RecordGenerator.stampOf(Math.max(opportunities, cases));
    }

    int generatedCount(SObjectType type) {
        return generatedCounts.get(type);
    }

    /** The index of a generated id, or -1 if the id was not generated (created later, or foreign). */
    int generatedIndexOf(SObjectType type, String id) {
        long counter = SalesforceIds.counterOf(id, type.keyPrefix());
        return counter >= 1 && counter <= generatedCount(type) ? (int) (counter - 1) : -1;
    }

    /** The generated record at an index, ignoring the overlay; callers skip {@link #isOverlaid} indexes. */
    SObjectRecord generated(SObjectType type, int index) {
        return generator.generate(type, index);
    }

    boolean isOverlaid(SObjectType type, int index) {
        NavigableSet<Integer> set = overlaidIndexes.get(type);
        return !set.isEmpty() && set.contains(index);
    }

    /** How many generated indexes in [from, to) the overlay replaces. */
    int overlaidCount(SObjectType type, int from, int to) {
        NavigableSet<Integer> set = overlaidIndexes.get(type);
        return set.isEmpty() || from >= to ? 0 : set.subSet(from, true, to, false).size();
    }

    /** Overlay entries of a type, tombstones included; small, since only the control API adds to it. */
    List<SObjectRecord> overlayRecords(SObjectType type) {
        List<SObjectRecord> list = new ArrayList<>();
        for (SObjectRecord record : overlay.values()) {
            if (record.type == type) {
                list.add(record);
            }
        }
        return list;
    }

    long snapshotStamp() {
        return lastStamp;
    }

    /** The current version of a record; null if it never existed or was purged. */
    SObjectRecord current(String id) {
        SObjectRecord record = overlay.get(id);
        if (record != null) {
            return record.isPurged() ? null : record;
        }
        SObjectType type = SObjectType.byId(id);
        if (type == null) {
            return null;
        }
        int index = generatedIndexOf(type, id);
        return index < 0 ? null : generator.generate(type, index);
    }

    void update(String id, Map<String, Object> changes) {
        synchronized (mutationLock) {
            SObjectRecord record = requireLive(id);
            if (record.isDeleted()) {
                throw new IllegalStateException("entity is deleted: " + id);
            }
            Object[] values = record.copyValues();
            changes.forEach((name, value) -> applyChange(record.type, values, name, value));
            derive(record.type, values);
            put(record, values, false);
        }
    }

    String create(SObjectType type, Map<String, Object> fields) {
        synchronized (mutationLock) {
            long counter = nextCounters.merge(type, 1L, Long::sum) - 1;
            String id = SalesforceIds.of(type.keyPrefix(), counter);
            Object[] values = new Object[type.fields().size()];
            values[type.id.slot()] = id;
            values[type.isDeleted.slot()] = Boolean.FALSE;
            if (type == SObjectType.CASE) {
                values[type.field("CaseNumber").slot()] = RecordGenerator.caseNumber(counter);
            }
            fields.forEach((name, value) -> applyChange(type, values, name, value));
            derive(type, values);
            long stamp = nextStamp();
            values[type.createdDate.slot()] = stamp;
            stampAndPut(type, id, values, stamp, null);
            return id;
        }
    }

    void setDeleted(String id, boolean deleted) {
        synchronized (mutationLock) {
            SObjectRecord record = requireLive(id);
            if (record.isDeleted() == deleted) {
                throw new IllegalStateException((deleted ? "already deleted: " : "not deleted: ") + id);
            }
            Object[] values = record.copyValues();
            values[record.type.isDeleted.slot()] = deleted;
            put(record, values, record.rawFields() != null);
        }
    }

    void purge(String id) {
        synchronized (mutationLock) {
            SObjectRecord record = requireLive(id);
            SObjectRecord tombstone = SObjectRecord.tombstone(record.type, id, nextStamp());
            overlay.put(id, tombstone);
            markOverlaid(record.type, id);
        }
    }

    /** Plants a record whose JSON is emitted exactly as given; typed values are kept only for WHERE/ORDER BY. */
    void putMalformed(String id, Map<String, Object> rawFields) {
        SObjectType type = SObjectType.byId(id);
        if (type == null || SalesforceIds.canonical(id) == null) {
            throw new IllegalArgumentException("not an id of a simulated type: " + id);
        }
        Object[] values = new Object[type.fields().size()];
        for (FieldDef field : type.fields()) {
            Object raw = rawFields.get(field.name());
            values[field.slot()] = lenient(field, raw);
        }
        values[type.id.slot()] = id;
        values[type.isDeleted.slot()] = Boolean.TRUE.equals(rawFields.get("IsDeleted"));
        Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(rawFields));
        synchronized (mutationLock) {
            stampAndPut(type, id, values, nextStamp(), copy);
        }
    }

    private SObjectRecord requireLive(String id) {
        SObjectRecord record = current(id);
        if (record == null) {
            throw new IllegalArgumentException("no such record: " + id);
        }
        return record;
    }

    private void put(SObjectRecord previous, Object[] values, boolean keepRaw) {
        stampAndPut(previous.type, previous.id(), values, nextStamp(), keepRaw ? previous.rawFields() : null);
    }

    private void stampAndPut(SObjectType type, String id, Object[] values, long stamp, Map<String, Object> raw) {
        values[type.lastModifiedDate.slot()] = stamp;
        values[type.systemModstamp.slot()] = stamp;
        overlay.put(id, new SObjectRecord(type, values, raw, false));
        markOverlaid(type, id);
    }

    private void markOverlaid(SObjectType type, String id) {
        int index = generatedIndexOf(type, id);
        if (index >= 0) {
            overlaidIndexes.get(type).add(index);
        }
    }

    /** Strictly increasing even within one millisecond, so every change has its own place in the order. */
    private long nextStamp() {
        long stamp = Math.max(System.currentTimeMillis(), lastStamp + 1);
        lastStamp = stamp;
        return stamp;
    }

    private static void applyChange(SObjectType type, Object[] values, String name, Object value) {
        FieldDef field = type.requireField(name);
        if (!field.writable()) {
            throw new IllegalArgumentException("field is not writeable: " + type.apiName() + "." + field.name());
        }
        values[field.slot()] = coerce(type, field, value);
    }

    private static Object coerce(SObjectType type, FieldDef field, Object value) {
        if (value == null) {
            return null;
        }
        Object typed = lenient(field, value);
        if (typed == null) {
            throw new IllegalArgumentException("bad value for " + type.apiName() + "." + field.name() + ": " + value);
        }
        if (field.kind() == FieldDef.Kind.ID && SalesforceIds.canonical((String) typed) == null) {
            throw new IllegalArgumentException("not an id: " + value);
        }
        List<String> allowed = picklist(type, field.name());
        if (allowed != null && !allowed.contains(typed)) {
            throw new IllegalArgumentException("bad value for restricted picklist field " + field.name() + ": " + value);
        }
        return typed;
    }

    private static List<String> picklist(SObjectType type, String field) {
        if (type == SObjectType.OPPORTUNITY && field.equals("StageName")) {
            List<String> stages = new ArrayList<>(RecordGenerator.OPEN_STAGES);
            stages.add(RecordGenerator.CLOSED_WON);
            stages.add(RecordGenerator.CLOSED_LOST);
            return stages;
        }
        if (type == SObjectType.CASE && field.equals("Status")) {
            return RecordGenerator.CASE_STATUSES;
        }
        if (type == SObjectType.CASE && field.equals("Priority")) {
            return RecordGenerator.CASE_PRIORITIES;
        }
        return null;
    }

    /** The typed value, or null when the value does not fit the field (malformed records may hold anything). */
    private static Object lenient(FieldDef field, Object value) {
        switch (field.kind()) {
            case ID, STRING:
                return value instanceof String ? value : null;
            case BOOLEAN:
                return value instanceof Boolean ? value : null;
            case NUMBER:
                return value instanceof Number n ? n.doubleValue() : null;
            case DATE:
                if (value instanceof LocalDate) {
                    return value;
                }
                return value instanceof String s ? SalesforceDateTimes.parseDate(s) : null;
            case DATETIME:
                return value instanceof String s ? SalesforceDateTimes.parseLiteral(s) : null;
            default:
                return null;
        }
    }

    /** Keeps the read-only flags consistent with the stage or status, as Salesforce does. */
    private static void derive(SObjectType type, Object[] values) {
        if (type == SObjectType.OPPORTUNITY) {
            String stage = (String) values[type.field("StageName").slot()];
            values[type.field("IsClosed").slot()] = RecordGenerator.isClosedStage(stage);
            values[type.field("IsWon").slot()] = RecordGenerator.CLOSED_WON.equals(stage);
        } else if (type == SObjectType.CASE) {
            values[type.field("IsClosed").slot()] = "Closed".equals(values[type.field("Status").slot()]);
        }
    }
}
