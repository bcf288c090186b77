package io.taskhub.sandbox.salesforce;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A set of Bulk API 2.0 query results as Salesforce writes it: a header row of the selected fields, then one row a
 * record, every value in double quotes (RFC 4180, a quote doubled), nulls as nothing, datetimes in UTC with a
 * {@code Z} ({@code 2024-01-01T00:00:00.000Z}) where the REST API writes {@code +0000}.
 */
final class BulkCsvWriter {

    private final char delimiter;
    private final String lineEnding;

    BulkCsvWriter(char delimiter, String lineEnding) {
        this.delimiter = delimiter;
        this.lineEnding = lineEnding;
    }

    byte[] write(List<FieldDef> fields, List<SObjectRecord> records) {
        StringBuilder csv = new StringBuilder(64 + records.size() * (40 + 30 * fields.size()));
        for (int i = 0; i < fields.size(); i++) {
            cell(csv, i, fields.get(i).name());
        }
        csv.append(lineEnding);
        for (SObjectRecord record : records) {
            Map<String, Object> raw = record.rawFields();
            for (int i = 0; i < fields.size(); i++) {
                FieldDef field = fields.get(i);
                cell(csv, i, raw != null ? raw(raw.get(field.name())) : text(field.kind(), record.get(field)));
            }
            csv.append(lineEnding);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void cell(StringBuilder csv, int column, String value) {
        if (column > 0) {
            csv.append(delimiter);
        }
        if (value != null) {
            csv.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
    }

    private static String text(FieldDef.Kind kind, Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case DATETIME -> SalesforceDateTimes.format((Long) value).substring(0, 23) + "Z";
            case DATE -> ((LocalDate) value).toString();
            default -> value.toString();
        };
    }

    /** A planted malformed record's value as given: text, number or boolean. */
    private static String raw(Object value) {
        return value == null ? null : value.toString();
    }
}
