package io.taskhub.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.taskhub.model.TaskRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Incremental fetches start a little before their cursor, because providers stamp records before they commit them
 * and many records share a stamp. What that overlap brings back unchanged is dropped here, so that a run reports
 * (and writes) only what really changed since the last one.
 */
@Component
public class OverlapFilter {

    private final JdbcTemplate jdbc;

    public OverlapFilter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The records that are new or changed; only those stamped no later than {@code cursor} are looked up. */
    public List<TaskRecord> changedOnly(long integrationId, String type, List<TaskRecord> records, Instant cursor) {
        if (cursor == null) {
            return records;
        }
        String[] overlapping = records.stream()
                .filter(r -> r.externalUpdatedAt() != null && !r.externalUpdatedAt().isAfter(cursor))
                .map(TaskRecord::externalId).toArray(String[]::new);
        if (overlapping.length == 0) {
            return records;
        }
        Set<String> unchanged = new HashSet<>();
        jdbc.query("select external_id, external_updated_at from task "
                        + "where integration_id = ? and type = ? and external_id = any (?)",
                rs -> {
                    Timestamp stored = rs.getTimestamp(2);
                    unchanged.add(rs.getString(1) + "@" + (stored == null ? "" : stored.toInstant()));
                }, integrationId, type, overlapping);
        return records.stream()
                .filter(r -> !unchanged.contains(r.externalId() + "@" + r.externalUpdatedAt()))
                .toList();
    }
}
