package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.taskhub.model.ArchiveReason;
import io.taskhub.model.TaskRecord;
import org.junit.jupiter.api.Test;

class TaskColumnsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00.123456Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-17T09:00:00Z");

    @Test
    void aRecordTwiceInOnePageIsWrittenOnceInItsLatestVersion() {
        Map<String, Object> columns = TaskColumns.parameters(List.of(
                TaskRecord.of("deals", "1", "Newer", null, TUESDAY),
                TaskRecord.of("deals", "2", "Other", null, MONDAY),
                TaskRecord.of("deals", "1", "Older", null, MONDAY),
                TaskRecord.of("cases", "1", "Same id, other type", ArchiveReason.CLOSED, null)), type -> 7L);

        assertThat((String[]) columns.get("externalIds")).containsExactly("1", "2", "1");
        assertThat((String[]) columns.get("names")).containsExactly("Newer", "Other", "Same id, other type");
        assertThat((String[]) columns.get("archivedReasons")).containsExactly(null, null, "CLOSED");
        assertThat((Long[]) columns.get("updatedMicros")).containsExactly(1_794_906_000_000_000L,
                1_794_819_600_123_456L, null);
        assertThat((long[]) columns.get("parentIds")).containsExactly(7, 7, 7);
    }

    @Test
    void assigneesArePairsOfRowNumberAndEmail() {
        Map<String, Object> columns = TaskColumns.parameters(List.of(
                new TaskRecord("tasks", "a", "A", null, MONDAY, null, null, List.of()),
                new TaskRecord("tasks", "b", "B", null, MONDAY, "projects", "p1", List.of("x@example.com",
                        "y@example.com"))), type -> 1L);

        assertThat((long[]) columns.get("assigneeRows")).containsExactly(2, 2);
        assertThat((String[]) columns.get("assigneeEmails")).containsExactly("x@example.com", "y@example.com");
        assertThat((String[]) columns.get("parentExternalIds")).containsExactly(null, "p1");
    }
}
