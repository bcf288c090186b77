package io.taskhub.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.taskhub.model.RejectedRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The records runs rejected: what one run rejected, and what is rejected now (not fixed by a later run). */
@Repository
public class RejectedRecords {

    public record RejectedPage(List<RejectedRecord> items, long total) {
    }

    /**
     * The latest rejection of each record, unless a later run stored the record fine. A record without an external
     * id cannot be matched across runs: only the latest run that rejected such records of a type still counts them.
     */
    private static final String CURRENT = """
            from (select distinct on (r.type, coalesce(r.external_id, 'row:' || r.id)) r.*
                  from rejected_record r
                  where r.integration_id = ?
                  order by r.type, coalesce(r.external_id, 'row:' || r.id), r.id desc) r
            where r.fixed_run_id is null
              and (r.external_id is not null
                   or r.run_id = (select max(n.run_id) from rejected_record n
                                  where n.integration_id = r.integration_id and n.type = r.type
                                    and n.external_id is null))""";

    private final JdbcTemplate jdbc;

    public RejectedRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public RejectedPage ofRun(long runId, int page, int size) {
        long total = jdbc.queryForObject("select count(*) from rejected_record where run_id = ?", Long.class, runId);
        List<RejectedRecord> items = jdbc.query("select type, external_id, reason, payload from rejected_record "
                + "where run_id = ? order by id limit ? offset ?", RejectedRecords::map, runId, size,
                (long) page * size);
        return new RejectedPage(items, total);
    }

    public RejectedPage current(long integrationId, int page, int size) {
        long total = jdbc.queryForObject("select count(*) " + CURRENT, Long.class, integrationId);
        List<RejectedRecord> items = jdbc.query("select r.type, r.external_id, r.reason, r.payload " + CURRENT
                + " order by r.id limit ? offset ?", RejectedRecords::map, integrationId, size, (long) page * size);
        return new RejectedPage(items, total);
    }

    private static RejectedRecord map(ResultSet rs, int row) throws SQLException {
        return new RejectedRecord(rs.getString("type"), rs.getString("external_id"), rs.getString("reason"),
                rs.getString("payload"));
    }
}
