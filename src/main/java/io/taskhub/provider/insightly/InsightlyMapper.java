package io.taskhub.provider.insightly;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.model.ArchiveReason;
import io.taskhub.model.ClientRecord;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.RecordRejected;

/**
 * Maps Insightly v3.1 records to canonical tasks, and contacts and organisations also to clients. Pure: no I/O, no
 * Spring; the users directory (user id to email) and the imported types are handed in.
 */
public final class InsightlyMapper {

    public static final String ORGANISATIONS = "organisations";
    public static final String CONTACTS = "contacts";
    public static final String PROJECTS = "projects";
    public static final String OPPORTUNITIES = "opportunities";
    public static final String LEADS = "leads";
    public static final String TASKS = "tasks";
    /** Import order: the records tasks nest under (projects, opportunities) come before the tasks. */
    public static final List<String> TYPES = List.of(ORGANISATIONS, CONTACTS, PROJECTS, OPPORTUNITIES, LEADS, TASKS);

    private static final Map<String, String> ID_FIELDS = Map.of(ORGANISATIONS, "ORGANISATION_ID",
            CONTACTS, "CONTACT_ID", PROJECTS, "PROJECT_ID", OPPORTUNITIES, "OPPORTUNITY_ID", LEADS, "LEAD_ID",
            TASKS, "TASK_ID");

    /** Insightly writes {@code 2026-11-20 09:15:02}, in UTC without a zone; an ISO {@code T} is accepted too. */
    private static final DateTimeFormatter INSIGHTLY_DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter(Locale.ROOT);

    /** A record mapped: its task, and for contacts and organisations the client it also is. */
    public record Mapped(TaskRecord task, ClientRecord client) {
    }

    private final Set<String> archivedOpportunityStates;
    private final Set<String> archivedProjectStatuses;

    public InsightlyMapper(Set<String> archivedOpportunityStates, Set<String> archivedProjectStatuses) {
        this.archivedOpportunityStates = upper(archivedOpportunityStates);
        this.archivedProjectStatuses = upper(archivedProjectStatuses);
    }

    /**
     * @param userEmails    Insightly user id (as text) to that user's email
     * @param importedTypes the types this integration imports: a task nests only under an imported type
     */
    public Mapped map(String type, JsonNode record, Map<String, String> userEmails,
                      Collection<String> importedTypes) {
        return switch (type) {
            case ORGANISATIONS -> organisation(record, userEmails);
            case CONTACTS -> contact(record, userEmails);
            case PROJECTS -> new Mapped(project(record, userEmails), null);
            case OPPORTUNITIES -> new Mapped(opportunity(record, userEmails), null);
            case LEADS -> new Mapped(lead(record, userEmails), null);
            case TASKS -> new Mapped(task(record, userEmails, importedTypes), null);
            default -> throw new IllegalArgumentException("Insightly has no type " + type);
        };
    }

    /** The id of a record of this type, or null when it has none. */
    public static String id(String type, JsonNode record) {
        String field = ID_FIELDS.get(type);
        if (field == null) {
            throw new IllegalArgumentException("Insightly has no type " + type);
        }
        return text(record, field);
    }

    /** When the record last changed: the incremental cursor's unit. */
    public static Instant timestamp(JsonNode r) {
        String value = required(r, "DATE_UPDATED_UTC");
        try {
            return LocalDateTime.parse(value, INSIGHTLY_DATETIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new RecordRejected("DATE_UPDATED_UTC is not an Insightly datetime: " + value);
        }
    }

    private Mapped organisation(JsonNode r, Map<String, String> users) {
        String id = required(r, "ORGANISATION_ID");
        String name = required(r, "ORGANISATION_NAME");
        TaskRecord task = record(ORGANISATIONS, id, name, null, r, users, null, null);
        ClientRecord client = new ClientRecord(ORGANISATIONS, id, name, null, text(r, "PHONE"), text(r, "WEBSITE"),
                address(r, "ADDRESS_BILLING_"), false);
        return new Mapped(task, client);
    }

    private Mapped contact(JsonNode r, Map<String, String> users) {
        String id = required(r, "CONTACT_ID");
        String name = person(r);
        if (name == null) {
            throw new RecordRejected("FIRST_NAME and LAST_NAME are missing");
        }
        TaskRecord task = record(CONTACTS, id, name, null, r, users, null, null);
        String phone = text(r, "PHONE") != null ? text(r, "PHONE") : text(r, "PHONE_MOBILE");
        ClientRecord client = new ClientRecord(CONTACTS, id, name, text(r, "EMAIL_ADDRESS"), phone, null,
                address(r, "ADDRESS_MAIL_"), false);
        return new Mapped(task, client);
    }

    /** A project converted from an opportunity refers to it, and so to the organisation the opportunity is for. */
    private TaskRecord project(JsonNode r, Map<String, String> users) {
        String id = required(r, "PROJECT_ID");
        boolean done = among(archivedProjectStatuses, text(r, "STATUS"));
        return record(PROJECTS, id, required(r, "PROJECT_NAME"), done ? ArchiveReason.COMPLETED : null, r, users,
                null, null).relatedTo(OPPORTUNITIES, text(r, "OPPORTUNITY_ID"));
    }

    /** An opportunity refers to the organisation it is for: that client's accounting documents concern it. */
    private TaskRecord opportunity(JsonNode r, Map<String, String> users) {
        String id = required(r, "OPPORTUNITY_ID");
        boolean done = among(archivedOpportunityStates, text(r, "OPPORTUNITY_STATE"));
        return record(OPPORTUNITIES, id, required(r, "OPPORTUNITY_NAME"), done ? ArchiveReason.COMPLETED : null, r,
                users, null, null).relatedTo(ORGANISATIONS, text(r, "ORGANISATION_ID"));
    }

    private TaskRecord lead(JsonNode r, Map<String, String> users) {
        String id = required(r, "LEAD_ID");
        String name = person(r) != null ? person(r) : text(r, "ORGANISATION_NAME");
        if (name == null) {
            throw new RecordRejected("FIRST_NAME, LAST_NAME and ORGANISATION_NAME are missing");
        }
        ArchiveReason reason = r.path("CONVERTED").asBoolean(false) ? ArchiveReason.COMPLETED : null;
        return record(LEADS, id, name, reason, r, users, null, null);
    }

    /** A task of a project sits under it, else one of an opportunity under that, else under the Tasks list. */
    private TaskRecord task(JsonNode r, Map<String, String> users, Collection<String> importedTypes) {
        String id = required(r, "TASK_ID");
        boolean done = r.path("COMPLETED").asBoolean(false) || among(Set.of("COMPLETED"), text(r, "STATUS"));
        String project = importedTypes.contains(PROJECTS) ? text(r, "PROJECT_ID") : null;
        String opportunity = importedTypes.contains(OPPORTUNITIES) ? text(r, "OPPORTUNITY_ID") : null;
        String parentType = project != null ? PROJECTS : opportunity != null ? OPPORTUNITIES : null;
        return record(TASKS, id, required(r, "TITLE"), done ? ArchiveReason.COMPLETED : null, r, users, parentType,
                project != null ? project : opportunity);
    }

    private static TaskRecord record(String type, String id, String name, ArchiveReason reason, JsonNode r,
                                     Map<String, String> users, String parentType, String parentId) {
        return new TaskRecord(type, id, name, reason, timestamp(r), parentType, parentId, assignees(r, users));
    }

    /** The emails of the owner and the responsible user, as far as the users list knows them. */
    private static List<String> assignees(JsonNode r, Map<String, String> users) {
        return Stream.of(text(r, "OWNER_USER_ID"), text(r, "RESPONSIBLE_USER_ID"))
                .filter(userId -> userId != null && users.get(userId) != null)
                .map(users::get)
                .distinct()
                .toList();
    }

    private static String person(JsonNode r) {
        String name = Stream.of(text(r, "FIRST_NAME"), text(r, "LAST_NAME"))
                .filter(part -> part != null)
                .collect(Collectors.joining(" "));
        return name.isEmpty() ? null : name;
    }

    /** Street, city, state, postcode and country, those that are set, on one line. */
    private static String address(JsonNode r, String prefix) {
        List<String> parts = new ArrayList<>();
        for (String part : List.of("STREET", "CITY", "STATE", "POSTCODE", "COUNTRY")) {
            String value = text(r, prefix + part);
            if (value != null) {
                parts.add(value.replaceAll("\\s*\\R\\s*", ", "));
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String required(JsonNode r, String field) {
        String value = text(r, field);
        if (value == null) {
            throw new RecordRejected(field + " is missing");
        }
        return value;
    }

    /**
     * The field as trimmed text; null when absent, null or blank. A whole number reads the same however it is
     * written ({@code 1012}, {@code 1012.0}): an id must not name two records.
     */
    private static String text(JsonNode r, String field) {
        JsonNode value = r.get(field);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            return null;
        }
        if (value.isNumber() && value.canConvertToExactIntegral()) {
            return value.bigIntegerValue().toString();
        }
        return value.asText().trim();
    }

    /** Insightly's picklist values are upper case; a lower-case knob or answer still matches. */
    private static boolean among(Set<String> values, String value) {
        return value != null && values.contains(upper(value));
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static Set<String> upper(Set<String> values) {
        return values.stream().map(InsightlyMapper::upper).collect(Collectors.toUnmodifiableSet());
    }
}
