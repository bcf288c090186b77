package io.taskhub.provider.salesforce;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
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
            return OffsetDateTime.parse(value, SALESFORCE_DATETIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new RecordRejected("SystemModstamp is not a Salesforce datetime: " + value);
        }
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
