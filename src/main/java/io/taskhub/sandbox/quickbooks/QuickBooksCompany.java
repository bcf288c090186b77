package io.taskhub.sandbox.quickbooks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static io.taskhub.sandbox.GeneratedIndexes.nth;

/**
 * The simulated company's records: generated ones computed on demand, an overlay of those changed or created since
 * start, the generated ones deleted, and a tombstone for every deletion (what change data capture reports). Queries
 * serve unchanged generated records in id order, then the changed and created ones in id order; every change is
 * stamped after all generated data, so an update-time lower bound stays an index range at any size.
 *
 * <p>Every method is synchronised: the overlay is small and answers are computed quickly.
 */
final class QuickBooksCompany {

    /** One record: its entity, id, update stamp (epoch seconds) and fields as the API shows them. */
    record Row(QuickBooksEntity entity, long id, long stamp, Map<String, Object> fields) {
    }

    private record Tombstone(QuickBooksEntity entity, long id, long stamp) {
    }

    /** Fields a create or update may not set: QuickBooks keeps them itself (and a customer's balance). */
    private static final List<String> MANAGED = List.of("Id", "SyncToken", "MetaData", "domain", "sparse");
    private static final List<String> CUSTOMER_MANAGED = List.of("Balance", "BalanceWithJobs");

    private final QuickBooksGenerator generator;
    private final Map<QuickBooksEntity, Integer> counts = new EnumMap<>(QuickBooksEntity.class);
    private final Map<QuickBooksEntity, Long> nextCounters = new EnumMap<>(QuickBooksEntity.class);
    private final Map<Long, Row> overlay = new HashMap<>();
    private final Map<QuickBooksEntity, NavigableSet<Integer>> replaced = new EnumMap<>(QuickBooksEntity.class);
    private final Map<QuickBooksEntity, NavigableSet<Integer>> deleted = new EnumMap<>(QuickBooksEntity.class);
    private final List<Tombstone> tombstones = new ArrayList<>();
    private long lastStamp;

    QuickBooksCompany(QuickBooksGenerator generator, Map<QuickBooksEntity, Integer> sizes) {
        this.generator = generator;
        int largest = 0;
        for (QuickBooksEntity entity : QuickBooksEntity.values()) {
            int count = sizes.getOrDefault(entity, 0);
            if (count < 0) {
                throw new IllegalArgumentException("record counts must not be negative");
            }
            counts.put(entity, count);
            nextCounters.put(entity, count + 1L);
            replaced.put(entity, new TreeSet<>());
            deleted.put(entity, new TreeSet<>());
            largest = Math.max(largest, count);
        }
        if (counts.get(QuickBooksEntity.CUSTOMER) == 0 && largest > 0) {
            throw new IllegalArgumentException("documents need at least one customer");
        }
        lastStamp = QuickBooksGenerator.stampOf(largest);
    }

    synchronized int count(QuickBooksEntity entity) {
        return counts.get(entity);
    }

    /** The record as the API shows it now; null if it never existed or was deleted. */
    synchronized Map<String, Object> shown(long id) {
        Row row = current(id);
        return row == null ? null : shown(row);
    }

    synchronized QuickBooksEntity entityOf(long id) {
        Row row = current(id);
        return row == null ? null : row.entity();
    }

    /** One page of a query, as the API shows the records. */
    synchronized List<Map<String, Object>> query(QuickBooksQuery query) {
        QuickBooksEntity entity = query.entity();
        long from = query.updatedFrom();
        List<QuickBooksQuery.Condition> checks = query.perRecord();
        boolean activeOnly = entity == QuickBooksEntity.CUSTOMER && !query.mentionsActive();
        int count = counts.get(entity);
        int first = firstIndexFrom(from, count);
        NavigableSet<Integer> skipped = replaced.get(entity);
        List<Row> changed = overlaid(entity, row -> row.stamp() >= from);
        int skip = query.start() - 1;
        List<Map<String, Object>> page = new ArrayList<>();
        if (checks.isEmpty() && !activeOnly) {
            int matchingGenerated = count - first - skipped.subSet(first, true, count, false).size();
            if (skip < matchingGenerated) {
                for (int index = nth(first, skip, skipped); index < count && page.size() < query.maxResults();
                     index++) {
                    if (!skipped.contains(index)) {
                        page.add(shown(generated(entity, index)));
                    }
                }
            }
            for (int i = Math.max(0, skip - matchingGenerated); i < changed.size()
                    && page.size() < query.maxResults(); i++) {
                page.add(shown(changed.get(i)));
            }
            return page;
        }
        int matched = 0;
        List<Row> candidates = new ArrayList<>();
        for (int index = first; index <= count && page.size() < query.maxResults(); index++) {
            candidates.clear();
            if (index < count) {
                if (skipped.contains(index)) {
                    continue;
                }
                candidates.add(generated(entity, index));
            } else {
                candidates.addAll(changed);
            }
            for (Row row : candidates) {
                Map<String, Object> json = shown(row);
                boolean matches = (!activeOnly || Boolean.TRUE.equals(json.get("Active")))
                        && checks.stream().allMatch(c -> c.matches(json));
                if (matches && matched++ >= skip && page.size() < query.maxResults()) {
                    page.add(json);
                }
            }
        }
        return page;
    }

    /** What change data capture reports for an entity since a stamp: live records in full, deleted ones as stubs. */
    synchronized List<Map<String, Object>> changes(QuickBooksEntity entity, long since, int limit) {
        List<Map.Entry<Long, Map<String, Object>>> changes = new ArrayList<>();
        int count = counts.get(entity);
        NavigableSet<Integer> skipped = replaced.get(entity);
        for (int index = firstIndexFrom(since, count); index < count && changes.size() < limit; index++) {
            if (!skipped.contains(index)) {
                Row row = generated(entity, index);
                changes.add(Map.entry(row.stamp(), shown(row)));
            }
        }
        overlaid(entity, row -> row.stamp() >= since).forEach(row -> changes.add(Map.entry(row.stamp(), shown(row))));
        for (Tombstone tombstone : tombstones) {
            if (tombstone.entity() == entity && tombstone.stamp() >= since) {
                Map<String, Object> stub = new LinkedHashMap<>();
                stub.put("domain", "QBO");
                stub.put("status", "Deleted");
                stub.put("Id", String.valueOf(tombstone.id()));
                stub.put("MetaData", Map.of("LastUpdatedTime", QuickBooksGenerator.format(tombstone.stamp())));
                changes.add(Map.entry(tombstone.stamp(), stub));
            }
        }
        return changes.stream().sorted(Map.Entry.comparingByKey()).limit(limit).map(Map.Entry::getValue).toList();
    }

    /** A new record with these fields (and QuickBooks' own: Id, SyncToken, MetaData), created now. */
    synchronized Map<String, Object> create(QuickBooksEntity entity, Map<String, Object> fields) {
        long counter = nextCounters.get(entity);
        long id = entity.id(counter);
        nextCounters.put(entity, counter + 1);
        long stamp = nextStamp();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("domain", "QBO");
        record.put("sparse", false);
        record.put("Id", String.valueOf(id));
        record.put("SyncToken", "0");
        record.put("MetaData", QuickBooksGenerator.metaData(stamp, stamp));
        fields.forEach((name, value) -> {
            if (settable(entity, name)) {
                record.put(name, value);
            }
        });
        if (entity == QuickBooksEntity.CUSTOMER) {
            record.putIfAbsent("Active", true);
            record.put("FullyQualifiedName", record.get("DisplayName"));
            record.putIfAbsent("PrintOnCheckName", record.get("DisplayName"));
        }
        overlay.put(id, new Row(entity, id, stamp, record));
        return shown(overlay.get(id));
    }

    /** Replaces the given top-level fields (aggregates whole, as a sparse update does) and stamps the record now. */
    synchronized Map<String, Object> update(long id, Map<String, Object> changes) {
        Row row = current(id);
        if (row == null) {
            throw new IllegalArgumentException("no such record: " + id);
        }
        Map<String, Object> fields = new LinkedHashMap<>(row.fields());
        changes.forEach((name, value) -> {
            if (settable(row.entity(), name)) {
                fields.put(name, value);
            }
        });
        if (changes.containsKey("DisplayName")) {
            fields.put("FullyQualifiedName", changes.get("DisplayName"));
        }
        fields.put("SyncToken", String.valueOf(Long.parseLong(String.valueOf(fields.get("SyncToken"))) + 1));
        long stamp = nextStamp();
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) fields.get("MetaData"));
        meta.put("LastUpdatedTime", QuickBooksGenerator.format(stamp));
        fields.put("MetaData", meta);
        overlay.put(id, new Row(row.entity(), id, stamp, fields));
        int index = generatedIndex(row.entity(), id);
        if (index >= 0) {
            replaced.get(row.entity()).add(index);
        }
        return shown(overlay.get(id));
    }

    synchronized void delete(long id) {
        Row row = current(id);
        if (row == null) {
            throw new IllegalArgumentException("no such record: " + id);
        }
        overlay.remove(id);
        int index = generatedIndex(row.entity(), id);
        if (index >= 0) {
            deleted.get(row.entity()).add(index);
            replaced.get(row.entity()).add(index);
        }
        tombstones.add(new Tombstone(row.entity(), id, nextStamp()));
    }

    /** Whether a customer other than {@code exceptId} has this display name (QuickBooks ignores case). */
    synchronized boolean nameTaken(String displayName, long exceptId) {
        String wanted = displayName.trim().toLowerCase(Locale.ROOT);
        int count = counts.get(QuickBooksEntity.CUSTOMER);
        NavigableSet<Integer> skipped = replaced.get(QuickBooksEntity.CUSTOMER);
        for (int index = 0; index < count; index++) {
            if (!skipped.contains(index) && index + 1L != exceptId
                    && wanted.equals(displayName(generator.generate(QuickBooksEntity.CUSTOMER, index)))) {
                return true;
            }
        }
        return overlaid(QuickBooksEntity.CUSTOMER, row -> row.id() != exceptId).stream()
                .anyMatch(row -> wanted.equals(displayName(row.fields())));
    }

    /** The ids of a customer's live documents of one entity. */
    synchronized List<Long> documentsOf(QuickBooksEntity entity, long customerId) {
        List<Long> ids = new ArrayList<>();
        forEachDocumentOf(entity, customerId, row -> ids.add(row.id()));
        return ids;
    }

    /** What the customer owes: the balances of its live invoices. */
    private BigDecimal balance(long customerId) {
        BigDecimal[] sum = {BigDecimal.ZERO.setScale(2)};
        forEachDocumentOf(QuickBooksEntity.INVOICE, customerId,
                row -> sum[0] = sum[0].add(new BigDecimal(String.valueOf(row.fields().get("Balance")))));
        return sum[0];
    }

    private void forEachDocumentOf(QuickBooksEntity entity, long customerId, Consumer<Row> action) {
        int customers = counts.get(QuickBooksEntity.CUSTOMER);
        int count = counts.get(entity);
        NavigableSet<Integer> skipped = replaced.get(entity);
        long counter = QuickBooksEntity.counterOf(customerId);
        if (customers > 0 && counter <= customers) {
            for (long index = counter - 1; index < count; index += customers) {
                if (!skipped.contains((int) index)) {
                    action.accept(generated(entity, (int) index));
                }
            }
        }
        String customer = String.valueOf(customerId);
        overlaid(entity, row -> row.fields().get("CustomerRef") instanceof Map<?, ?> ref
                && customer.equals(String.valueOf(ref.get("value")))).forEach(action);
    }

    /** Customers carry their balance, computed from their invoices as QuickBooks keeps it. */
    private Map<String, Object> shown(Row row) {
        if (row.entity() != QuickBooksEntity.CUSTOMER) {
            return row.fields();
        }
        Map<String, Object> customer = new LinkedHashMap<>(row.fields());
        BigDecimal balance = balance(row.id());
        customer.put("Balance", balance);
        customer.put("BalanceWithJobs", balance);
        return customer;
    }

    private Row current(long id) {
        Row row = overlay.get(id);
        if (row != null) {
            return row;
        }
        QuickBooksEntity entity = QuickBooksEntity.ofId(id);
        if (entity == null) {
            return null;
        }
        int index = generatedIndex(entity, id);
        return index < 0 || deleted.get(entity).contains(index) ? null : generated(entity, index);
    }

    private Row generated(QuickBooksEntity entity, int index) {
        return new Row(entity, entity.id(index + 1L), QuickBooksGenerator.stampOf(index),
                generator.generate(entity, index));
    }

    private int generatedIndex(QuickBooksEntity entity, long id) {
        long counter = QuickBooksEntity.counterOf(id);
        return QuickBooksEntity.ofId(id) == entity && counter <= counts.get(entity) ? (int) (counter - 1) : -1;
    }

    /** The first generated index stamped at or after {@code from}. */
    private static int firstIndexFrom(long from, int count) {
        if (from <= QuickBooksGenerator.BASE_STAMP) {
            return 0;
        }
        long steps = (from - QuickBooksGenerator.BASE_STAMP + QuickBooksGenerator.STAMP_STEP - 1)
                / QuickBooksGenerator.STAMP_STEP;
        return (int) Math.min(steps, count);
    }

    private List<Row> overlaid(QuickBooksEntity entity, Predicate<Row> filter) {
        return overlay.values().stream().filter(row -> row.entity() == entity).filter(filter)
                .sorted(Comparator.comparingLong(Row::id)).toList();
    }

    private static boolean settable(QuickBooksEntity entity, String field) {
        return !MANAGED.contains(field) && !(entity == QuickBooksEntity.CUSTOMER && CUSTOMER_MANAGED.contains(field));
    }

    private static String displayName(Map<String, Object> customer) {
        Object name = customer.get("DisplayName");
        return name == null ? null : name.toString().trim().toLowerCase(Locale.ROOT);
    }

    /** Whole seconds like LastUpdatedTime, never before generated data: changes in one second share a stamp. */
    private long nextStamp() {
        lastStamp = Math.max(System.currentTimeMillis() / 1000, lastStamp);
        return lastStamp;
    }
}
