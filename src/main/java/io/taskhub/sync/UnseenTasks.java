package io.taskhub.sync;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The imported tasks as the store of what a run saw: active tasks of the type, by external id. */
@Component("unseenTasks")
public class UnseenTasks implements UnseenStore {

    private final JdbcTemplate jdbc;

    public UnseenTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> unseen(SyncContext sync, String type) {
        return jdbc.queryForList("select external_id from task where integration_id = ? and type = ? "
                + "and kind = 'TASK' and status = 'ACTIVE' and seen_run_id is distinct from ? order by external_id",
                String.class, sync.integrationId(), type, sync.runId());
    }

    @Override
    public void keep(SyncContext sync, String type, Collection<String> externalIds) {
        externalIds.forEach(externalId -> jdbc.update("update task set seen_run_id = ? "
                + "where integration_id = ? and type = ? and external_id = ?",
                sync.runId(), sync.integrationId(), type, externalId));
    }
}
