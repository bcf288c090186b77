package io.taskhub.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.taskhub.model.Run;
import io.taskhub.model.RunCounts;
import io.taskhub.model.RunProgress;
import io.taskhub.model.RunStatus;
import io.taskhub.model.RunTrigger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Sync runs: one row per sync, with what it did. */
@Repository
public class RunRepository {

    private static final String COLUMNS = "r.id, r.integration_id, r.trigger, r.full_sync, r.status, r.started_at, "
            + "r.finished_at, r.fetched, r.created, r.updated, r.archived, r.restored, r.rejected, r.error, "
            + "r.progress_type, r.progress_pages, r.progress_records, r.progress_total, r.due_at";

    private final JdbcTemplate jdbc;

    public RunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param dueAt when a timer run was due (its trigger's scheduled fire time); null for one asked for now */
    public long start(long integrationId, RunTrigger trigger, boolean full, Instant dueAt) {
        return jdbc.queryForObject("insert into sync_run (integration_id, trigger, full_sync, status, due_at) "
                + "values (?, ?, ?, 'RUNNING', ?) returning id", Long.class, integrationId, trigger.name(), full,
                dueAt == null ? null : Timestamp.from(dueAt));
    }

    public Optional<Run> running(long integrationId) {
        return jdbc.query("select " + COLUMNS + " from sync_run r where r.integration_id = ? and r.status = 'RUNNING'",
                RunRepository::map, integrationId).stream().findFirst();
    }

    public Optional<Run> find(long runId) {
        return jdbc.query("select " + COLUMNS + " from sync_run r where r.id = ?", RunRepository::map, runId)
                .stream().findFirst();
    }

    public Optional<Run> find(long accountId, long runId) {
        return jdbc.query("select " + COLUMNS + " from sync_run r join integration i on i.id = r.integration_id "
                + "where i.account_id = ? and r.id = ?", RunRepository::map, accountId, runId).stream().findFirst();
    }

    public Optional<Run> last(long integrationId) {
        return jdbc.query("select " + COLUMNS + " from sync_run r where r.integration_id = ? order by r.id desc limit 1",
                RunRepository::map, integrationId).stream().findFirst();
    }

    public List<Run> list(long integrationId, int limit) {
        return jdbc.query("select " + COLUMNS + " from sync_run r where r.integration_id = ? order by r.id desc limit ?",
                RunRepository::map, integrationId, limit);
    }

    public void finish(long runId, RunStatus status, RunCounts counts, String error) {
        jdbc.update("""
                update sync_run set status = ?, finished_at = now(), fetched = ?, created = ?, updated = ?,
                                    archived = ?, restored = ?, rejected = ?, error = ?
                where id = ? and status = 'RUNNING'""",
                status.name(), counts.fetched(), counts.created(), counts.updated(), counts.archived(),
                counts.restored(), counts.rejected(), error, runId);
    }

    /** Books a RUNNING run's counts and progress so far, so that a client sees it come along. */
    public void progress(long runId, RunCounts counts, RunProgress progress) {
        jdbc.update("""
                update sync_run set fetched = ?, created = ?, updated = ?, archived = ?, restored = ?, rejected = ?,
                                    progress_type = ?, progress_pages = ?, progress_records = ?, progress_total = ?
                where id = ? and status = 'RUNNING'""",
                counts.fetched(), counts.created(), counts.updated(), counts.archived(), counts.restored(),
                counts.rejected(), progress.type(), progress.pages(), progress.records(), progress.total(), runId);
    }

    /** Closes a run whose instance died, or could not book its end: its lease lapsed, so nobody will finish it. */
    public void abandon(long runId) {
        jdbc.update("update sync_run set status = 'FAILED', finished_at = now(), error = 'instance lost: the hub "
                + "instance running it stopped, lost its lease or could not book its end' "
                + "where id = ? and status = 'RUNNING'", runId);
    }

    private static Run map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        RunStatus status = RunStatus.valueOf(rs.getString("status"));
        String progressType = rs.getString("progress_type");
        RunProgress progress = status != RunStatus.RUNNING || progressType == null ? null
                : new RunProgress(progressType, rs.getInt("progress_pages"), rs.getInt("progress_records"),
                        (Integer) rs.getObject("progress_total"));
        return new Run(rs.getLong("id"), rs.getLong("integration_id"), RunTrigger.valueOf(rs.getString("trigger")),
                rs.getBoolean("full_sync"), status,
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                new RunCounts(rs.getInt("fetched"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("archived"),
                        rs.getInt("restored"), rs.getInt("rejected")),
                progress, rs.getString("error"), instant(rs.getTimestamp("due_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
