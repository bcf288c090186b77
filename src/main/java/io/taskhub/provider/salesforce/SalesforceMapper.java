package io.taskhub.provider.salesforce;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.model.ArchiveReason;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.RecordRejected;

/** Maps Salesforce opportunities and cases to canonical tasks. Pure: no I/O, no Spring. */
public final class SalesforceMapper {

    public static final String OPPORTUNITIES = "opportunities";
    public static final String CASES = "cases";

    /** Salesforce writes {@code 2026-11-20T09:15:02.000+0000}; ISO offsets ({@code Z}, {@code +00:00}) are accepted too. */
    private static final DateTimeFormatter SALESFORCE_DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    private final Set<String> archivedStages;

    public SalesforceMapper(Set<String> archivedStages) {
        this.archivedStages = Set.copyOf(archivedStages);
    }

    public TaskRecord map(String type, JsonNode record) {
        return switch (type) {
            case OPPORTUNITIES -> opportunity(record);
            case CASES -> salesforceCase(record);
            default -> throw new IllegalArgumentException("Salesforce has no type " + type);
        };
    }

    private TaskRecord opportunity(JsonNode r) {
        String id = required(r, "Id");
        ArchiveReason reason = flag(r, "IsDeleted") ? ArchiveReason.DELETED
                : archivedStages.contains(r.path("StageName").asText()) ? ArchiveReason.CLOSED
                : null;
        return TaskRecord.of(OPPORTUNITIES, id, required(r, "Name"), reason, timestamp(r));
    }

    private TaskRecord salesforceCase(JsonNode r) {
        String id = required(r, "Id");
        String subject = r.path("Subject").asText("");
        String name = subject.isBlank() ? "Case " + required(r, "CaseNumber") : subject;
        ArchiveReason reason = flag(r, "IsDeleted") ? ArchiveReason.DELETED
                : flag(r, "IsClosed") ? ArchiveReason.CLOSED
                : null;
        return TaskRecord.of(CASES, id, name, reason, timestamp(r));
    }

    /** When the record last changed, by Salesforce's system clock: the incremental cursor's unit. */
    public static Instant timestamp(JsonNode r) {
        String value = required(r, "SystemModstamp");
        try {
            Instant usual = usualShape(value);
            return usual != null ? usual : OffsetDateTime.parse(value, SALESFORCE_DATETIME).toInstant();
        } catch (DateTimeException e) {
            throw new RecordRejected("SystemModstamp is not a Salesforce datetime: " + value);
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss.SSS+hhmm}, the shape Salesforce's REST API writes, or {@code ...SSSZ}, the shape of
     * its Bulk CSV, read digit by digit: with the general formatter this parse took a third of the hub's time in a
     * large import. Null for any other shape.
     */
    private static Instant usualShape(String v) {
        boolean utc = v.length() == 24 && v.charAt(23) == 'Z';
        if (!utc && (v.length() != 28 || v.charAt(23) != '+' && v.charAt(23) != '-')
                || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
                || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(19) != '.') {
            return null;
        }
        int[] fields = {number(v, 0, 4), number(v, 5, 7), number(v, 8, 10), number(v, 11, 13), number(v, 14, 16),
                number(v, 17, 19), number(v, 20, 23), utc ? 0 : number(v, 24, 26), utc ? 0 : number(v, 26, 28)};
        for (int field : fields) {
            if (field < 0) {
                return null;
            }
        }
        ZoneOffset offset = ZoneOffset.ofHoursMinutes(v.charAt(23) == '-' ? -fields[7] : fields[7],
                v.charAt(23) == '-' ? -fields[8] : fields[8]);
        return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5],
                fields[6] * 1_000_000).toInstant(offset);
    }

    /** The decimal number in {@code v[from, to)}, or -1 if a character is not a digit. */
    private static int number(String v, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static String required(JsonNode r, String field) {
        JsonNode value = r.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new RecordRejected(field + " is missing");
        }
        return value.asText();
    }

    private static boolean flag(JsonNode r, String field) {
        return r.path(field).asBoolean(false);
    }
}
