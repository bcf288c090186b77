package io.taskhub.sandbox.salesforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Runs a query over generated records and the overlay without materialising the result.
 *
 * <p>Paging is by key, not by offset: a page is "the next n records after the last one served" in the query's
 * order (with Id as the final tie-break). When the order starts with a key that grows with the generated index
 * (Id, SystemModstamp, LastModifiedDate) the generated side is a binary search and a range walk merged with the
 * sorted overlay; any other order scans the candidate range keeping only the best n in a heap.
 */
final class QueryEngine {

    private final RecordStore store;

    QueryEngine(RecordStore store) {
        this.store = store;
    }

    /** What a cursor keeps between pages: the query, the snapshot bound and the generated index range. */
    static final class Plan {
        final SoqlQuery query;
        final boolean includeDeleted;
        final long snapshot;
        final Comparator<SObjectRecord> order;
        final FieldDef naturalKey;
        final boolean naturalAscending;
        final List<SoqlQuery.Condition> residual;
        final int from;
        final int to;

        private Plan(SoqlQuery query, boolean includeDeleted, long snapshot, Comparator<SObjectRecord> order,
                     FieldDef naturalKey, boolean naturalAscending, List<SoqlQuery.Condition> residual,
                     int from, int to) {
            this.query = query;
            this.includeDeleted = includeDeleted;
            this.snapshot = snapshot;
            this.order = order;
            this.naturalKey = naturalKey;
            this.naturalAscending = naturalAscending;
            this.residual = residual;
            this.from = from;
            this.to = to;
        }
    }

    Plan plan(SoqlQuery query, boolean includeDeleted) {
        SObjectType type = query.type();
        long snapshot = store.snapshotStamp();
        int from = 0;
        int to = store.generatedCount(type);
        List<SoqlQuery.Condition> residual = new ArrayList<>();
        for (SoqlQuery.Condition condition : query.conditions()) {
            FieldDef field = condition.field();
            if (field == type.isDeleted) {
                // Generated records are never deleted: such a condition keeps all of them or none.
                if (!condition.test(Boolean.FALSE)) {
                    to = from;
                }
            } else if (isNaturalKey(type, field) && condition.value() != null && condition.op() != SoqlQuery.Operator.NE) {
                IntFunction<Object> key = generatedKey(type, field);
                @SuppressWarnings("unchecked")
                Comparable<Object> value = (Comparable<Object>) condition.value();
                int lo = from;
                int hi = Math.max(from, to);
                int firstGreater = firstIndex(lo, hi, i -> value.compareTo(key.apply(i)) < 0);
                int firstAtLeast = firstIndex(lo, hi, i -> value.compareTo(key.apply(i)) <= 0);
                switch (condition.op()) {
                    case GT -> from = firstGreater;
                    case GE -> from = firstAtLeast;
                    case LT -> to = firstAtLeast;
                    case LE -> to = firstGreater;
                    default -> {
                        from = firstAtLeast;
                        to = firstGreater;
                    }
                }
            } else {
                residual.add(condition);
            }
        }
        List<SoqlQuery.OrderItem> orderBy = query.orderBy();
        FieldDef naturalKey = orderBy.isEmpty() ? type.id : orderBy.get(0).field();
        boolean ascending = orderBy.isEmpty() || orderBy.get(0).ascending();
        if (!isNaturalKey(type, naturalKey)) {
            naturalKey = null;
        }
        return new Plan(query, includeDeleted, snapshot, comparator(type, orderBy), naturalKey, ascending,
                List.copyOf(residual), from, Math.max(from, to));
    }

    /** The number of matching records in the plan's snapshot, before LIMIT. */
    long count(Plan plan) {
        SObjectType type = plan.query.type();
        long count = 0;
        if (plan.residual.isEmpty()) {
            count = (plan.to - plan.from) - store.overlaidCount(type, plan.from, plan.to);
        } else {
            for (int i = plan.from; i < plan.to; i++) {
                if (!store.isOverlaid(type, i) && matchesResidual(plan, store.generated(type, i))) {
                    count++;
                }
            }
        }
        for (SObjectRecord record : store.overlayRecords(type)) {
            if (visible(plan, record)) {
                count++;
            }
        }
        return count;
    }

    /** Up to {@code max} records strictly after {@code after} (null: from the start) in the plan's order. */
    List<SObjectRecord> fetch(Plan plan, SObjectRecord after, int max) {
        List<SObjectRecord> overlay = new ArrayList<>();
        for (SObjectRecord record : store.overlayRecords(plan.query.type())) {
            if (visible(plan, record) && (after == null || plan.order.compare(record, after) > 0)) {
                overlay.add(record);
            }
        }
        overlay.sort(plan.order);
        return plan.naturalKey != null ? mergeWalk(plan, after, max, overlay) : topN(plan, after, max, overlay);
    }

    private List<SObjectRecord> mergeWalk(Plan plan, SObjectRecord after, int max, List<SObjectRecord> overlay) {
        SObjectType type = plan.query.type();
        int step = plan.naturalAscending ? 1 : -1;
        int i;
        int end;
        if (plan.naturalAscending) {
            i = plan.from;
            if (after != null) {
                Comparable<Object> afterKey = keyOf(after, plan.naturalKey);
                IntFunction<Object> key = generatedKey(type, plan.naturalKey);
                i = firstIndex(plan.from, plan.to, j -> afterKey.compareTo(key.apply(j)) < 0);
            }
            end = plan.to;
        } else {
            int top = plan.to;
            if (after != null) {
                Comparable<Object> afterKey = keyOf(after, plan.naturalKey);
                IntFunction<Object> key = generatedKey(type, plan.naturalKey);
                top = firstIndex(plan.from, plan.to, j -> afterKey.compareTo(key.apply(j)) <= 0);
            }
            i = top - 1;
            end = plan.from - 1;
        }
        List<SObjectRecord> out = new ArrayList<>(Math.min(max, 4096));
        int o = 0;
        SObjectRecord pending = null;
        while (out.size() < max) {
            while (pending == null && i != end) {
                if (!store.isOverlaid(type, i)) {
                    SObjectRecord candidate = store.generated(type, i);
                    if (matchesResidual(plan, candidate)) {
                        pending = candidate;
                    }
                }
                i += step;
            }
            SObjectRecord fromOverlay = o < overlay.size() ? overlay.get(o) : null;
            if (pending == null && fromOverlay == null) {
                break;
            }
            if (fromOverlay == null || (pending != null && plan.order.compare(pending, fromOverlay) < 0)) {
                out.add(pending);
                pending = null;
            } else {
                out.add(fromOverlay);
                o++;
            }
        }
        return out;
    }

    private List<SObjectRecord> topN(Plan plan, SObjectRecord after, int max, List<SObjectRecord> overlay) {
        if (max <= 0) {
            return List.of();
        }
        SObjectType type = plan.query.type();
        PriorityQueue<SObjectRecord> best = new PriorityQueue<>(max + 1, plan.order.reversed());
        for (int i = plan.from; i < plan.to; i++) {
            if (!store.isOverlaid(type, i)) {
                SObjectRecord record = store.generated(type, i);
                if (matchesResidual(plan, record) && (after == null || plan.order.compare(record, after) > 0)) {
                    offer(best, record, max, plan.order);
                }
            }
        }
        for (SObjectRecord record : overlay) {
            offer(best, record, max, plan.order);
        }
        List<SObjectRecord> out = new ArrayList<>(best);
        out.sort(plan.order);
        return out;
    }

    private static void offer(PriorityQueue<SObjectRecord> best, SObjectRecord record, int max,
                              Comparator<SObjectRecord> order) {
        if (best.size() < max) {
            best.add(record);
        } else if (order.compare(record, best.peek()) < 0) {
            best.poll();
            best.add(record);
        }
    }

    private static boolean matchesResidual(Plan plan, SObjectRecord record) {
        for (SoqlQuery.Condition condition : plan.residual) {
            if (!condition.test(record)) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Plan plan, SObjectRecord record) {
        return !record.isPurged() && record.stamp() <= plan.snapshot
                && (plan.includeDeleted || !record.isDeleted()) && plan.query.matches(record);
    }

    private static boolean isNaturalKey(SObjectType type, FieldDef field) {
        return field == type.id || field == type.systemModstamp || field == type.lastModifiedDate;
    }

    /** The value of a natural key of generated record i, computed without generating the record. */
    private static IntFunction<Object> generatedKey(SObjectType type, FieldDef field) {
        if (field == type.id) {
            return i -> RecordGenerator.idOf(type, i);
        }
        return RecordGenerator::stampOf;
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> keyOf(SObjectRecord record, FieldDef field) {
        return (Comparable<Object>) record.get(field);
    }

    /** The first index in [lo, hi) where a predicate that is false-then-true holds, or hi. */
    private static int firstIndex(int lo, int hi, IntPredicate predicate) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (predicate.test(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<SObjectRecord> comparator(SObjectType type, List<SoqlQuery.OrderItem> orderBy) {
        Comparator<SObjectRecord> order = null;
        boolean hasId = false;
        for (SoqlQuery.OrderItem item : orderBy) {
            FieldDef field = item.field();
            hasId |= field == type.id;
            Comparator<Comparable> values = item.ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
            values = item.nullsFirst() ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
            Comparator<SObjectRecord> next = Comparator.comparing(r -> (Comparable) r.get(field), values);
            order = order == null ? next : order.thenComparing(next);
        }
        Comparator<SObjectRecord> byId = Comparator.comparing(SObjectRecord::id);
        if (order == null) {
            return byId;
        }
        return hasId ? order : order.thenComparing(byId);
    }
}
