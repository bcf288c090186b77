package io.taskhub.sandbox.salesforce;

import java.util.List;

/** A parsed and validated SOQL query of the supported subset. {@code limit} is -1 when absent. */
record SoqlQuery(SObjectType type, List<FieldDef> fields, List<Condition> conditions, List<OrderItem> orderBy,
                 int limit) {

    enum Operator {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    /** {@code field op value}; value is the field kind's Java type, or null for {@code = null} / {@code != null}. */
    record Condition(FieldDef field, Operator op, Object value) {

        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean test(Object actual) {
            if (value == null || actual == null) {
                // SOQL: only "= null" and "!= null" can match a null; ordering comparisons with null never do.
                boolean bothNull = value == null && actual == null;
                return op == Operator.EQ ? bothNull : op == Operator.NE && !bothNull;
            }
            int c = ((Comparable) actual).compareTo(value);
            return switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }

        boolean test(SObjectRecord record) {
            return test(record.get(field));
        }
    }

    /** SOQL defaults: ascending puts nulls first, descending puts them last. */
    record OrderItem(FieldDef field, boolean ascending, boolean nullsFirst) {
    }

    boolean matches(SObjectRecord record) {
        for (Condition condition : conditions) {
            if (!condition.test(record)) {
                return false;
            }
        }
        return true;
    }
}
