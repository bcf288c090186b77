package io.taskhub.sandbox.quickbooks;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The subset of QuickBooks' query language the simulator understands:
 * {@code SELECT * FROM <Entity> [WHERE <condition> [AND <condition>]...] [ORDERBY ...] [STARTPOSITION n]
 * [MAXRESULTS n]}, where a condition compares a field ({@code Id}, {@code Metadata.LastUpdatedTime},
 * {@code Active}, {@code DisplayName}, {@code CompanyName}, {@code PrimaryEmailAddr}, {@code DocNumber},
 * {@code CustomerRef}, {@code TxnDate}) with {@code = != < <= > >=}, {@code LIKE '%text%'} or {@code IN (...)}.
 * Keywords and field names are not case-sensitive; strings are quoted with {@code '} and escape it with a backslash.
 * As in QuickBooks, ORDERBY is accepted but answers keep the simulator's order.
 *
 * @param start      STARTPOSITION, from 1
 * @param maxResults MAXRESULTS, at most 1000
 */
record QuickBooksQuery(QuickBooksEntity entity, List<Condition> conditions, int start, int maxResults) {

    static final int LARGEST_PAGE = 1000;
    private static final int DEFAULT_PAGE = 100;
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*('(?:\\\\.|[^'\\\\])*'|<=|>=|!=|[=<>(),*]|[A-Za-z_][A-Za-z0-9_.]*|-?\\d+(?:\\.\\d+)?)");

    /** {@code field op values}; a comparison has one value, IN several. Values are unquoted text. */
    record Condition(String field, String op, List<String> values) {

        boolean onUpdateTime() {
            return field.equals("metadata.lastupdatedtime");
        }

        /** Always true: {@code Active IN (true, false)}, which only lifts QuickBooks' default filter. */
        boolean trivial() {
            return field.equals("active") && op.equals("in")
                    && values.stream().map(v -> v.toLowerCase(Locale.ROOT)).distinct().count() == 2;
        }

        boolean matches(Map<String, Object> record) {
            Object actual = value(record, field);
            return switch (op) {
                case "in" -> values.stream().anyMatch(v -> compare(actual, v) == 0);
                case "like" -> actual != null && like(actual.toString(), values.get(0));
                case "=" -> compare(actual, values.get(0)) == 0;
                case "!=" -> compare(actual, values.get(0)) != 0;
                case "<" -> compare(actual, values.get(0)) < 0;
                case "<=" -> compare(actual, values.get(0)) <= 0;
                case ">" -> compare(actual, values.get(0)) > 0;
                case ">=" -> compare(actual, values.get(0)) >= 0;
                default -> false;
            };
        }
    }

    /** A query QuickBooks would refuse with its parser error (code 4000). */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    /** Whether a query's conditions say nothing about Active: QuickBooks then returns active customers only. */
    boolean mentionsActive() {
        return conditions.stream().anyMatch(c -> c.field().equals("active"));
    }

    /** The conditions that must be checked record by record: all but update-time lower bounds and trivial ones. */
    List<Condition> perRecord() {
        return conditions.stream()
                .filter(c -> !(c.onUpdateTime() && (c.op().equals(">=") || c.op().equals(">"))) && !c.trivial())
                .toList();
    }

    /** The latest lower bound on the update time, in epoch seconds (inclusive); Long.MIN_VALUE if none. */
    long updatedFrom() {
        long from = Long.MIN_VALUE;
        for (Condition c : conditions) {
            if (c.onUpdateTime() && (c.op().equals(">=") || c.op().equals(">"))) {
                long bound = epochSeconds(c.values().get(0)) + (c.op().equals(">") ? 1 : 0);
                from = Math.max(from, bound);
            }
        }
        return from;
    }

    static QuickBooksQuery parse(String text) {
        List<String> tokens = tokenize(text);
        Parser p = new Parser(tokens);
        p.expect("select");
        p.expect("*");
        p.expect("from");
        String entityName = p.next();
        QuickBooksEntity entity = QuickBooksEntity.named(entityName);
        if (entity == null) {
            throw new Invalid("Invalid context declaration : " + entityName);
        }
        List<Condition> conditions = new ArrayList<>();
        int start = 1;
        int max = DEFAULT_PAGE;
        if (p.accept("where")) {
            do {
                conditions.add(p.condition());
            } while (p.accept("and"));
        }
        while (p.more()) {
            if (p.accept("orderby")) {
                p.next();
                if (!p.accept("asc")) {
                    p.accept("desc");
                }
            } else if (p.accept("startposition")) {
                start = p.number(1, Integer.MAX_VALUE);
            } else if (p.accept("maxresults")) {
                max = p.number(1, LARGEST_PAGE);
            } else {
                throw new Invalid("Encountered \" " + p.next() + " \" where the query should end");
            }
        }
        return new QuickBooksQuery(entity, List.copyOf(conditions), start, max);
    }

    static long epochSeconds(String dateTime) {
        try {
            return OffsetDateTime.parse(dateTime).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new Invalid("Invalid date-time: " + dateTime);
        }
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        var matcher = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                if (text.substring(at).isBlank()) {
                    break;
                }
                throw new Invalid("Lexical error at column " + (at + 1));
            }
            tokens.add(matcher.group(1));
            at = matcher.end();
        }
        return tokens;
    }

    /** A record's field by a query's (lower-case) path; {@code PrimaryEmailAddr} and refs compare by their value. */
    private static Object value(Map<String, Object> record, String path) {
        Object current = record;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.entrySet().stream()
                    .filter(e -> e.getKey().toString().equalsIgnoreCase(part))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (current instanceof Map<?, ?> aggregate) {
            for (String inner : new String[] {"Address", "value", "URI", "FreeFormNumber"}) {
                if (aggregate.get(inner) != null) {
                    return aggregate.get(inner);
                }
            }
            return null;
        }
        return current;
    }

    /** Date-times as instants, numbers as numbers, booleans and text without regard to case. */
    private static int compare(Object actual, String expected) {
        if (actual == null) {
            return expected == null ? 0 : -1;
        }
        String text = actual.toString();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*") && expected.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            return Long.compare(epochSeconds(text), epochSeconds(expected));
        }
        if (actual instanceof Number number && expected.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(number.toString()).compareTo(new BigDecimal(expected));
        }
        if (text.matches("\\d+") && expected.matches("\\d+")) {
            return Long.compare(Long.parseLong(text), Long.parseLong(expected));
        }
        return text.toLowerCase(Locale.ROOT).compareTo(expected.toLowerCase(Locale.ROOT));
    }

    /** {@code %} stands for any text. */
    private static boolean like(String actual, String pattern) {
        String regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("%", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*"));
        return actual.toLowerCase(Locale.ROOT).matches(regex);
    }

    private static final class Parser {
        private final List<String> tokens;
        private int at;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean more() {
            return at < tokens.size();
        }

        String next() {
            if (!more()) {
                throw new Invalid("Encountered \"<EOF>\" where more was expected");
            }
            return tokens.get(at++);
        }

        boolean accept(String keyword) {
            if (more() && tokens.get(at).equalsIgnoreCase(keyword)) {
                at++;
                return true;
            }
            return false;
        }

        void expect(String keyword) {
            String token = more() ? tokens.get(at) : "<EOF>";
            if (!accept(keyword)) {
                throw new Invalid("Encountered \" " + token + " \" where \"" + keyword + "\" was expected");
            }
        }

        int number(int min, int max) {
            String token = next();
            try {
                int value = Integer.parseInt(token);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new Invalid("Invalid number " + token + ": it must be between " + min + " and " + max);
        }

        Condition condition() {
            String field = next().toLowerCase(Locale.ROOT);
            String op = next().toLowerCase(Locale.ROOT);
            if (op.equals("in")) {
                expect("(");
                List<String> values = new ArrayList<>();
                do {
                    values.add(value(next()));
                } while (accept(","));
                expect(")");
                return new Condition(field, op, values);
            }
            if (!List.of("=", "!=", "<", "<=", ">", ">=", "like").contains(op)) {
                throw new Invalid("Encountered \" " + op + " \" where an operator was expected");
            }
            return new Condition(field, op, List.of(value(next())));
        }

        private static String value(String token) {
            if (token.length() >= 2 && token.startsWith("'") && token.endsWith("'")) {
                return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            return token;
        }
    }
}
