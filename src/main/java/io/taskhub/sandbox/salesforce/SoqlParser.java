package io.taskhub.sandbox.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the SOQL subset the simulator answers:
 * {@code SELECT f, ... FROM Type [WHERE cond [AND cond ...]] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...]
 * [LIMIT n]}, where cond is {@code field op literal}. Syntax is checked first, then the object, then the fields,
 * which is the order in which Salesforce reports MALFORMED_QUERY, INVALID_TYPE and INVALID_FIELD.
 */
final class SoqlParser {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "order",
            "by", "limit", "asc", "desc", "nulls");

    private enum Kind { WORD, STRING, LITERAL, COMMA, OPERATOR, END }

    private record Token(Kind kind, String text) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    private record RawCondition(String field, String op, Token literal) {
    }

    private record RawOrder(String field, boolean ascending, boolean nullsFirst) {
    }

    private final List<Token> tokens;
    private int pos;

    private SoqlParser(String soql) {
        this.tokens = tokenize(soql);
    }

    static SoqlQuery parse(String soql) {
        if (soql == null || soql.isBlank()) {
            throw SalesforceApiException.malformed("unexpected token: <EOF>");
        }
        return new SoqlParser(soql).query();
    }

    private SoqlQuery query() {
        expectWord("SELECT");
        List<String> fieldNames = new ArrayList<>();
        do {
            fieldNames.add(expect(Kind.WORD, "field name"));
        } while (accept(Kind.COMMA));
        expectWord("FROM");
        String objectName = expect(Kind.WORD, "object name");
        List<RawCondition> rawConditions = new ArrayList<>();
        if (acceptWord("WHERE")) {
            do {
                String field = expect(Kind.WORD, "field name");
                String op = expect(Kind.OPERATOR, "operator");
                Token literal = next();
                if (literal.kind != Kind.STRING && literal.kind != Kind.LITERAL && literal.kind != Kind.WORD) {
                    throw unexpected(literal);
                }
                rawConditions.add(new RawCondition(field, op, literal));
            } while (acceptWord("AND"));
        }
        List<RawOrder> rawOrder = new ArrayList<>();
        if (acceptWord("ORDER")) {
            expectWord("BY");
            do {
                String field = expect(Kind.WORD, "field name");
                boolean ascending = !acceptWord("DESC");
                if (ascending) {
                    acceptWord("ASC");
                }
                boolean nullsFirst = ascending;
                if (acceptWord("NULLS")) {
                    nullsFirst = acceptWord("FIRST");
                    if (!nullsFirst) {
                        expectWord("LAST");
                    }
                }
                rawOrder.add(new RawOrder(field, ascending, nullsFirst));
            } while (accept(Kind.COMMA));
        }
        int limit = -1;
        if (acceptWord("LIMIT")) {
            Token n = next();
            if (n.kind != Kind.LITERAL || !n.text.matches("\\d{1,9}")) {
                throw unexpected(n);
            }
            limit = Integer.parseInt(n.text);
        }
        Token end = next();
        if (end.kind != Kind.END) {
            throw unexpected(end);
        }
        return resolve(objectName, fieldNames, rawConditions, rawOrder, limit);
    }

    private static SoqlQuery resolve(String objectName, List<String> fieldNames, List<RawCondition> rawConditions,
                                     List<RawOrder> rawOrder, int limit) {
        SObjectType type = SObjectType.byApiName(objectName);
        if (type == null) {
            throw new SalesforceApiException(400, "INVALID_TYPE",
                    "sObject type '" + objectName + "' is not supported.");
        }
        Set<FieldDef> fields = new LinkedHashSet<>();
        for (String name : fieldNames) {
            if (!fields.add(field(type, name))) {
                throw SalesforceApiException.malformed("duplicate field selected: " + name);
            }
        }
        List<SoqlQuery.Condition> conditions = new ArrayList<>();
        for (RawCondition raw : rawConditions) {
            FieldDef field = field(type, raw.field);
            conditions.add(new SoqlQuery.Condition(field, operator(raw.op), literal(field, raw.op, raw.literal)));
        }
        List<SoqlQuery.OrderItem> orderBy = new ArrayList<>();
        for (RawOrder raw : rawOrder) {
            orderBy.add(new SoqlQuery.OrderItem(field(type, raw.field), raw.ascending, raw.nullsFirst));
        }
        return new SoqlQuery(type, List.copyOf(fields), List.copyOf(conditions), List.copyOf(orderBy), limit);
    }

    private static FieldDef field(SObjectType type, String name) {
        FieldDef field = type.field(name);
        if (field == null) {
            throw new SalesforceApiException(400, "INVALID_FIELD", "No such column '" + name + "' on entity '"
                    + type.apiName() + "'. If you are attempting to use a custom field, be sure to append the '__c'"
                    + " after the custom field name. Please reference your WSDL or the describe call for the"
                    + " appropriate names.");
        }
        return field;
    }

    private static SoqlQuery.Operator operator(String symbol) {
        if (symbol.equals("<>")) {
            return SoqlQuery.Operator.NE;
        }
        for (SoqlQuery.Operator op : SoqlQuery.Operator.values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw SalesforceApiException.malformed("unexpected token: '" + symbol + "'");
    }

    /** Converts the literal to the field's Java type, with Salesforce's complaint when the types do not fit. */
    private static Object literal(FieldDef field, String op, Token token) {
        if (token.isWord("null")) {
            if (!op.equals("=") && !op.equals("!=") && !op.equals("<>")) {
                throw SalesforceApiException.malformed("unexpected token: 'null'");
            }
            return null;
        }
        Object value = switch (field.kind()) {
            case ID -> token.kind == Kind.STRING ? id(token.text) : null;
            case STRING -> token.kind == Kind.STRING ? token.text : null;
            case BOOLEAN -> token.isWord("true") ? Boolean.TRUE : token.isWord("false") ? Boolean.FALSE : null;
            case NUMBER -> token.kind == Kind.LITERAL && NUMBER.matcher(token.text).matches()
                    ? Double.valueOf(token.text) : null;
            case DATE -> token.kind == Kind.LITERAL ? SalesforceDateTimes.parseDate(token.text) : null;
            case DATETIME -> token.kind == Kind.LITERAL ? SalesforceDateTimes.parseLiteral(token.text) : null;
        };
        if (value == null) {
            throw new SalesforceApiException(400, "INVALID_FIELD", "value of filter criterion for field '"
                    + field.name() + "' must be of type " + typeName(field.kind()) + (field.kind() == FieldDef.Kind.ID
                    || field.kind() == FieldDef.Kind.STRING ? " and should be enclosed in quotes"
                    : " and should not be enclosed in quotes"));
        }
        return value;
    }

    private static String id(String text) {
        String canonical = SalesforceIds.canonical(text);
        if (canonical == null) {
            throw new SalesforceApiException(400, "INVALID_QUERY_FILTER_OPERATOR", "invalid ID field: " + text);
        }
        return canonical;
    }

    private static String typeName(FieldDef.Kind kind) {
        return switch (kind) {
            case ID -> "id";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NUMBER -> "double";
            case DATE -> "date";
            case DATETIME -> "dateTime";
        };
    }

    private Token next() {
        return tokens.get(Math.min(pos++, tokens.size() - 1));
    }

    private boolean accept(Kind kind) {
        if (tokens.get(pos).kind == kind) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptWord(String word) {
        if (tokens.get(pos).isWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectWord(String word) {
        Token token = next();
        if (!token.isWord(word)) {
            throw unexpected(token);
        }
    }

    private String expect(Kind kind, String what) {
        Token token = next();
        if (token.kind != kind || (kind == Kind.WORD && isReserved(token.text))) {
            throw unexpected(token);
        }
        return token.text;
    }

    private static boolean isReserved(String word) {
        return KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static SalesforceApiException unexpected(Token token) {
        return SalesforceApiException.malformed(token.kind == Kind.END
                ? "unexpected token: <EOF>" : "unexpected token: '" + token.text + "'");
    }

    private static List<Token> tokenize(String soql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = soql.length();
        while (i < n) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ","));
                i++;
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw SalesforceApiException.malformed("unterminated string literal");
                    }
                    char s = soql.charAt(i++);
                    if (s == '\\' && i < n) {
                        text.append(soql.charAt(i++));
                    } else if (s == '\'') {
                        break;
                    } else {
                        text.append(s);
                    }
                }
                out.add(new Token(Kind.STRING, text.toString()));
            } else if (c == '=' || c == '<' || c == '>' || c == '!') {
                int start = i++;
                if (i < n && (soql.charAt(i) == '=' || (c == '<' && soql.charAt(i) == '>'))) {
                    i++;
                }
                String op = soql.substring(start, i);
                if (op.equals("!")) {
                    throw SalesforceApiException.malformed("unexpected token: '!'");
                }
                out.add(new Token(Kind.OPERATOR, op));
            } else if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < n
                    && Character.isDigit(soql.charAt(i + 1)))) {
                int start = i++;
                while (i < n && "0123456789TZ:.+-".indexOf(soql.charAt(i)) >= 0) {
                    i++;
                }
                out.add(new Token(Kind.LITERAL, soql.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(soql.charAt(i)) || soql.charAt(i) == '_'
                        || soql.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, soql.substring(start, i)));
            } else {
                throw SalesforceApiException.malformed("unexpected token: '" + c + "'");
            }
        }
        out.add(new Token(Kind.END, ""));
        return out;
    }
}
