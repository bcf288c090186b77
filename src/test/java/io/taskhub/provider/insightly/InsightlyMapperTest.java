package io.taskhub.provider.insightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.ArchiveReason;
import io.taskhub.model.ClientRecord;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.RecordRejected;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Insightly v3.1 answers (recorded shapes, under fixtures/insightly) mapped without Spring. */
class InsightlyMapperTest {

    private static final Set<String> ALL_TYPES = Set.copyOf(InsightlyMapper.TYPES);
    private static final InsightlyMapper MAPPER = new InsightlyMapper(Set.of("WON", "LOST", "ABANDONED"),
            Set.of("completed", "CANCELLED", "ABANDONED"));
    private static final Map<String, String> USERS = new HashMap<>();

    @BeforeAll
    static void readUsers() throws IOException {
        for (JsonNode user : fixture("users")) {
            USERS.put(user.path("USER_ID").asText(), user.path("EMAIL_ADDRESS").asText());
        }
    }

    @Test
    void anOrganisationIsATaskAndAClient() throws IOException {
        InsightlyMapper.Mapped globex = map("organisations", fixture("organisations").get(0));

        assertThat(globex.task()).isEqualTo(new TaskRecord("organisations", "152460101", "Globex Corporation", null,
                Instant.parse("2024-06-30T17:45:12Z"), null, null, List.of("Ann.Archer@Example.com")));
        assertThat(globex.client()).isEqualTo(new ClientRecord("organisations", "152460101", "Globex Corporation", null,
                "+1 555 0100", "https://globex.example",
                "1 Cypress Creek Road, Springfield, OR, 97403, United States", false));
        assertRejected("organisations", fixture("organisations").get(1), "ORGANISATION_NAME is missing");
    }

    /** Insightly's ids are numbers: written 152460101.0 they still name the same record, not a second one. */
    @Test
    void anIdIsTheSameRecordHoweverItsNumberIsWritten() throws IOException {
        JsonNode globex = fixture("organisations").get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) globex).put("ORGANISATION_ID", 152460101.0);

        assertThat(map("organisations", globex).task().externalId()).isEqualTo("152460101");
        assertThat(InsightlyMapper.id("organisations", globex)).isEqualTo("152460101");
    }

    @Test
    void aContactIsNamedAfterThePersonAndIsAClient() throws IOException {
        JsonNode contacts = fixture("contacts");
        InsightlyMapper.Mapped carol = map("contacts", contacts.get(0));
        assertThat(carol.task().name()).isEqualTo("Carol Cho");
        assertThat(carol.task().assigneeEmails()).containsExactly("bob@example.com");
        assertThat(carol.client()).isEqualTo(new ClientRecord("contacts", "318800201", "Carol Cho",
                "carol.cho@globex.example", "+1 555 0123", null,
                "12 Elm Street, Suite 4, Springfield, 97403, United States", false));

        InsightlyMapper.Mapped diaz = map("contacts", contacts.get(1));
        assertThat(diaz.task().name()).isEqualTo("Diaz");
        assertThat(diaz.task().assigneeEmails()).as("owner unknown to /Users").isEmpty();
        assertThat(diaz.client().phone()).isEqualTo("+1 555 0199");

        assertRejected("contacts", contacts.get(2), "FIRST_NAME and LAST_NAME are missing");
    }

    @Test
    void projectsCompletedCancelledOrAbandonedAreArchived() throws IOException {
        JsonNode projects = fixture("projects");
        TaskRecord running = map("projects", projects.get(0)).task();
        assertThat(running.archivedReason()).isNull();
        assertThat(running.parentType()).as("projects sit under their list").isNull();
        assertThat(running.assigneeEmails()).containsExactly("Ann.Archer@Example.com", "bob@example.com");
        assertThat(map("projects", projects.get(1)).task().archivedReason()).isEqualTo(ArchiveReason.COMPLETED);
        assertThat(map("projects", projects.get(2)).task().archivedReason()).isEqualTo(ArchiveReason.COMPLETED);
        assertThat(map("projects", projects.get(3)).task().archivedReason()).isEqualTo(ArchiveReason.COMPLETED);
        assertThat(map("projects", projects.get(4)).task().archivedReason()).as("deferred").isNull();
    }

    @Test
    void opportunitiesWonLostOrAbandonedAreArchived() throws IOException {
        JsonNode opportunities = fixture("opportunities");
        TaskRecord open = map("opportunities", opportunities.get(0)).task();
        assertThat(open.name()).isEqualTo("Globex - 500 seats");
        assertThat(open.archivedReason()).isNull();
        assertThat(open.assigneeEmails()).as("owner and responsible are one user").containsExactly(
                "Ann.Archer@Example.com");
        assertThat(map("opportunities", opportunities.get(1)).task().archivedReason()).isEqualTo(ArchiveReason.COMPLETED);
        assertThat(map("opportunities", opportunities.get(2)).task().archivedReason()).isEqualTo(ArchiveReason.COMPLETED);
        assertThat(map("opportunities", opportunities.get(3)).task().archivedReason()).isEqualTo(ArchiveReason.COMPLETED);
        assertThat(map("opportunities", opportunities.get(4)).task().archivedReason()).as("suspended").isNull();
        assertRejected("opportunities", opportunities.get(5), "DATE_UPDATED_UTC is not an Insightly datetime: yesterday");
    }

    @Test
    void opportunitiesReferToTheirOrganisationAndProjectsToTheirOpportunity() throws IOException {
        TaskRecord opportunity = map("opportunities", fixture("opportunities").get(0)).task();
        assertThat(opportunity.relatedType()).isEqualTo("organisations");
        assertThat(opportunity.relatedExternalId()).isEqualTo("152460101");
        assertThat(map("opportunities", fixture("opportunities").get(1)).task().relatedType()).isNull();

        TaskRecord project = map("projects", fixture("projects").get(0)).task();
        assertThat(project.relatedType()).isEqualTo("opportunities");
        assertThat(project.relatedExternalId()).isEqualTo("8820001");
        assertThat(map("projects", fixture("projects").get(1)).task().relatedExternalId()).isNull();
    }

    @Test
    void convertedLeadsAreArchived() throws IOException {
        JsonNode leads = fixture("leads");
        TaskRecord evan = map("leads", leads.get(0)).task();
        assertThat(evan.name()).isEqualTo("Evan Evans");
        assertThat(evan.archivedReason()).isNull();
        assertThat(evan.assigneeEmails()).containsExactly("bob@example.com", "Ann.Archer@Example.com");
        assertThat(map("leads", leads.get(0)).client()).as("leads are not clients").isNull();

        TaskRecord umbrella = map("leads", leads.get(1)).task();
        assertThat(umbrella.name()).isEqualTo("Umbrella plc");
        assertThat(umbrella.archivedReason()).isEqualTo(ArchiveReason.COMPLETED);
    }

    @Test
    void tasksNestUnderTheirProjectElseTheirOpportunity() throws IOException {
        JsonNode tasks = fixture("tasks");
        TaskRecord kickOff = map("tasks", tasks.get(0)).task();
        assertThat(kickOff.parentType()).isEqualTo("projects");
        assertThat(kickOff.parentExternalId()).isEqualTo("4410001");
        assertThat(kickOff.archivedReason()).isNull();
        assertThat(kickOff.externalUpdatedAt()).isEqualTo(Instant.parse("2024-07-05T13:00:00Z"));

        TaskRecord proposal = map("tasks", tasks.get(1)).task();
        assertThat(proposal.parentType()).isEqualTo("opportunities");
        assertThat(proposal.parentExternalId()).isEqualTo("8820001");
        assertThat(proposal.archivedReason()).isEqualTo(ArchiveReason.COMPLETED);

        TaskRecord callBack = map("tasks", tasks.get(2)).task();
        assertThat(callBack.parentType()).isNull();
        assertThat(callBack.parentExternalId()).isNull();

        assertRejected("tasks", tasks.get(3), "TITLE is missing");
    }

    @Test
    void aTaskNestsOnlyUnderATypeThatIsImported() throws IOException {
        JsonNode kickOff = fixture("tasks").get(0);
        TaskRecord withoutProjects = MAPPER.map("tasks", kickOff, USERS, Set.of("opportunities", "tasks")).task();
        assertThat(withoutProjects.parentType()).isEqualTo("opportunities");
        assertThat(withoutProjects.parentExternalId()).isEqualTo("8820001");

        TaskRecord alone = MAPPER.map("tasks", kickOff, USERS, Set.of("tasks")).task();
        assertThat(alone.parentType()).isNull();
    }

    @Test
    void timestampsAreUtcWithOrWithoutTheIsoSeparator() {
        ObjectMapper json = new ObjectMapper();
        assertThat(InsightlyMapper.timestamp(json.createObjectNode().put("DATE_UPDATED_UTC", "2024-07-05 13:00:00")))
                .isEqualTo(Instant.parse("2024-07-05T13:00:00Z"));
        assertThat(InsightlyMapper.timestamp(json.createObjectNode().put("DATE_UPDATED_UTC", "2024-07-05T13:00:00Z")))
                .isEqualTo(Instant.parse("2024-07-05T13:00:00Z"));
        assertThatThrownBy(() -> InsightlyMapper.timestamp(json.createObjectNode()))
                .isInstanceOf(RecordRejected.class).hasMessage("DATE_UPDATED_UTC is missing");
    }

    private static InsightlyMapper.Mapped map(String type, JsonNode record) {
        return MAPPER.map(type, record, USERS, ALL_TYPES);
    }

    private static void assertRejected(String type, JsonNode record, String reason) {
        assertThatThrownBy(() -> map(type, record)).isInstanceOf(RecordRejected.class).hasMessage(reason);
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = InsightlyMapperTest.class.getResourceAsStream("/fixtures/insightly/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
