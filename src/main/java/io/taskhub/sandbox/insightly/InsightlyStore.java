package io.taskhub.sandbox.insightly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Predicate;

import static io.taskhub.sandbox.GeneratedIndexes.nth;

/**
 * The simulated instance's records: generated ones computed on demand, plus an overlay of those changed or created
 * through the control API, and the generated ones deleted. Lists are in id order; searches in update order
 * (DATE_UPDATED_UTC, then id), and every change is stamped after all generated data, so both stay cheap at any
 * size: an index range of generated records, then the few overlaid ones.
 *
 * <p>Every method is synchronised: the overlay is small and the answers are computed quickly.
 */
final class InsightlyStore {

    /** One record as stored: its type, id, update stamp (epoch seconds) and fields as the API shows them. */
    record Row(InsightlyType type, long id, long stamp, Map<String, Object> fields) {
    }

    private final InsightlyGenerator generator;
    private final Map<InsightlyType, Integer> counts;
    private final Map<InsightlyType, Long> nextCounters = new EnumMap<>(InsightlyType.class);
    /** Changed generated records and created ones, by id. */
    private final Map<Long, Row> overlay = new HashMap<>();
    /** Generated indexes no longer served as generated: changed (then in the overlay) or deleted. */
    private final Map<InsightlyType, NavigableSet<Integer>> replaced = new EnumMap<>(InsightlyType.class);
    private final Map<InsightlyType, NavigableSet<Integer>> deleted = new EnumMap<>(InsightlyType.class);
    private long lastStamp;

    InsightlyStore(InsightlyGenerator generator, Map<InsightlyType, Integer> counts) {
        this.generator = generator;
        this.counts = new EnumMap<>(counts);
        int largest = 0;
        for (InsightlyType type : InsightlyType.values()) {
            int count = counts.getOrDefault(type, 0);
            if (count < 0) {
                throw new IllegalArgumentException("record counts must not be negative");
            }
            this.counts.put(type, count);
            nextCounters.put(type, count + 1L);
            replaced.put(type, new TreeSet<>());
            deleted.put(type, new TreeSet<>());
            largest = Math.max(largest, count);
        }
        lastStamp = InsightlyGenerator.stampOf(largest);
    }

    synchronized int count(InsightlyType type) {
        return counts.get(type);
    }

    /** How many records of the type exist now: generated and not deleted, and created. */
    synchronized int live(InsightlyType type) {
        return counts.get(type) - deleted.get(type).size()
                + overlaid(type, row -> generatedIndex(type, row.id()) < 0, Comparator.comparingLong(Row::id)).size();
    }

    /** The current record with this id; null if it never existed or was deleted. */
    synchronized Row current(long id) {
        Row row = overlay.get(id);
        if (row != null) {
            return row;
        }
        InsightlyType type = InsightlyType.ofId(id);
        if (type == null) {
            return null;
        }
        int index = generatedIndex(type, id);
        return index < 0 || deleted.get(type).contains(index) ? null : generated(type, index);
    }

    /** The live records of a type in id order: generated (changed ones in place), then created. */
    synchronized List<Row> list(InsightlyType type, int skip, int top) {
        int count = counts.get(type);
        NavigableSet<Integer> gone = deleted.get(type);
        int liveGenerated = count - gone.size();
        List<Row> page = new ArrayList<>(Math.min(top, 512));
        if (skip < liveGenerated) {
            for (int index = nth(0, skip, gone); index < count && page.size() < top; index++) {
                if (!gone.contains(index)) {
                    page.add(replaced.get(type).contains(index) ? overlay.get(type.id(index + 1L))
                            : generated(type, index));
                }
            }
        }
        List<Row> created = overlaid(type, row -> generatedIndex(type, row.id()) < 0,
                Comparator.comparingLong(Row::id));
        addFrom(created, Math.max(0, skip - liveGenerated), top, page);
        return page;
    }

    /** The live records of a type updated after {@code after} (epoch seconds, exclusive), in update order. */
    synchronized List<Row> search(InsightlyType type, long after, int skip, int top) {
        int count = counts.get(type);
        NavigableSet<Integer> skipped = replaced.get(type);
        long first = after < InsightlyGenerator.BASE_STAMP ? 0
                : (after - InsightlyGenerator.BASE_STAMP) / InsightlyGenerator.STAMP_STEP + 1;
        int from = (int) Math.min(first, count);
        int matchingGenerated = count - from - skipped.subSet(from, true, count, false).size();
        List<Row> page = new ArrayList<>(Math.min(top, 512));
        if (skip < matchingGenerated) {
            for (int index = nth(from, skip, skipped); index < count && page.size() < top; index++) {
                if (!skipped.contains(index)) {
                    page.add(generated(type, index));
                }
            }
        }
        List<Row> changed = overlaid(type, row -> row.stamp() > after,
                Comparator.comparingLong(Row::stamp).thenComparingLong(Row::id));
        addFrom(changed, Math.max(0, skip - matchingGenerated), top, page);
        return page;
    }

    synchronized void update(long id, Map<String, Object> changes) {
        Row row = current(id);
        if (row == null) {
            throw new IllegalArgumentException("no such record: " + id);
        }
        Map<String, Object> fields = new LinkedHashMap<>(row.fields());
        apply(row.type(), fields, changes);
        put(row.type(), id, fields, nextStamp());
    }

    /** A new record: a generated one's fields under a new id, with these changes, created when stamped. */
    synchronized long create(InsightlyType type, Map<String, Object> changes) {
        long counter = nextCounters.get(type);
        long id = type.id(counter);
        Map<String, Object> fields = generator.generate(type, (int) (counter - 1));
        fields.put(type.idField(), id);
        apply(type, fields, changes);
        long stamp = nextStamp();
        fields.put("DATE_CREATED_UTC", InsightlyGenerator.format(stamp));
        nextCounters.put(type, counter + 1);
        put(type, id, fields, stamp);
        return id;
    }

    /** Deletes a record; Insightly keeps no trace that a sync could see. */
    synchronized void delete(long id) {
        Row row = current(id);
        if (row == null) {
            throw new IllegalArgumentException("no such record: " + id);
        }
        overlay.remove(id);
        int index = generatedIndex(row.type(), id);
        if (index >= 0) {
            deleted.get(row.type()).add(index);
            replaced.get(row.type()).add(index);
        }
    }

    private void put(InsightlyType type, long id, Map<String, Object> fields, long stamp) {
        fields.put("DATE_UPDATED_UTC", InsightlyGenerator.format(stamp));
        overlay.put(id, new Row(type, id, stamp, fields));
        int index = generatedIndex(type, id);
        if (index >= 0) {
            replaced.get(type).add(index);
        }
    }

    private Row generated(InsightlyType type, int index) {
        return new Row(type, type.id(index + 1L), InsightlyGenerator.stampOf(index), generator.generate(type, index));
    }

    private int generatedIndex(InsightlyType type, long id) {
        long counter = InsightlyType.counterOf(id);
        return InsightlyType.ofId(id) == type && counter <= counts.get(type) ? (int) (counter - 1) : -1;
    }

    private List<Row> overlaid(InsightlyType type, Predicate<Row> filter, Comparator<Row> order) {
        return overlay.values().stream().filter(row -> row.type() == type).filter(filter).sorted(order).toList();
    }

    private static void addFrom(List<Row> rows, int skip, int top, List<Row> page) {
        for (int i = skip; i < rows.size() && page.size() < top; i++) {
            page.add(rows.get(i));
        }
    }

    /** Whole seconds like DATE_UPDATED_UTC, never before generated data: changes in one second share a stamp. */
    private long nextStamp() {
        lastStamp = Math.max(System.currentTimeMillis() / 1000, lastStamp);
        return lastStamp;
    }

    private static void apply(InsightlyType type, Map<String, Object> fields, Map<String, Object> changes) {
        changes.forEach((name, value) -> {
            if (!fields.containsKey(name) || name.equals(type.idField()) || name.startsWith("DATE_")) {
                throw new IllegalArgumentException("not a writeable field of " + type.resource() + ": " + name);
            }
        });
        fields.putAll(changes);
        derive(type, fields, changes);
    }

    /** Keeps the flags Insightly derives consistent: a task is COMPLETED exactly when its status says so. */
    private static void derive(InsightlyType type, Map<String, Object> fields, Map<String, Object> changes) {
        if (type != InsightlyType.TASKS) {
            return;
        }
        if (changes.containsKey("STATUS")) {
            fields.put("COMPLETED", "COMPLETED".equals(fields.get("STATUS")));
        } else if (changes.containsKey("COMPLETED")) {
            fields.put("STATUS", Boolean.TRUE.equals(fields.get("COMPLETED")) ? "COMPLETED" : "IN PROGRESS");
        }
    }
}
