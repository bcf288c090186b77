package io.taskhub.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.taskhub.model.ArchiveReason;
import io.taskhub.model.Assignee;
import io.taskhub.model.AssignmentSource;
import io.taskhub.model.Client;
import io.taskhub.model.Role;
import io.taskhub.model.Task;
import io.taskhub.model.TaskKind;
import io.taskhub.model.TaskStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The read side of the imported trees, always scoped to one account. */
@Repository
public class TaskQueries {

    /** Filters of {@code GET .../tasks}; null means "any". */
    public record Filter(Long integrationId, TaskStatus status, String type, Long parentId, String text) {
    }

    public record TaskPage(List<Task> items, long total) {
    }

    private static final String COLUMNS = "t.id, t.integration_id, i.provider, t.parent_id, t.kind, t.type, "
            + "t.external_id, t.name, t.status, t.archived_reason, t.external_updated_at";

    private final JdbcTemplate jdbc;

    public TaskQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public TaskPage find(long accountId, Filter filter, int page, int size) {
        // the account's integrations by id, not by a join alone: the planner cannot tell how few of the hub's tasks
        // one account has, and would read every account's tasks for each page of one (a million-task neighbour made
        // a search take half a second)
        long[] integrations = jdbc.queryForList("select id from integration where account_id = ?", Long.class,
                accountId).stream().filter(id -> filter.integrationId() == null || id.equals(filter.integrationId()))
                .mapToLong(Long::longValue).toArray();
        StringBuilder where = new StringBuilder(" from task t join integration i on i.id = t.integration_id "
                + "where t.integration_id = any(?) and i.account_id = ?");
        List<Object> args = new ArrayList<>(List.of(integrations, accountId));
        if (filter.status() != null) {
            where.append(" and t.status = ?");
            args.add(filter.status().name());
        }
        if (filter.type() != null) {
            where.append(" and t.type = ?");
            args.add(filter.type());
        }
        if (filter.parentId() != null) {
            where.append(" and t.parent_id = ?");
            args.add(filter.parentId());
        }
        if (filter.text() != null) {
            where.append(" and (t.name ilike ? escape '\\' or t.external_id = ?)");
            args.add("%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            args.add(filter.text());
        }
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Task> items = jdbc.query("select " + COLUMNS + where + " order by t.id limit ? offset ?",
                TaskQueries::task, pageArgs.toArray());
        return new TaskPage(withAssignees(items), total);
    }

    public Optional<Task> find(long accountId, long taskId) {
        return withAssignees(jdbc.query("select " + COLUMNS + " from task t join integration i on i.id = t.integration_id "
                + "where i.account_id = ? and t.id = ?", TaskQueries::task, accountId, taskId)).stream().findFirst();
    }

    /** Active tasks assigned to the user, and every active task below them. */
    public List<Task> trackable(long accountId, String email) {
        return withAssignees(jdbc.query("""
                with recursive trackable as (
                    select t.id from task t
                    join integration i on i.id = t.integration_id
                    join task_assignee a on a.task_id = t.id
                    where i.account_id = ? and lower(a.email) = lower(?) and t.status = 'ACTIVE'
                    union
                    select c.id from task c join trackable p on c.parent_id = p.id where c.status = 'ACTIVE'
                )
                select %s from task t join integration i on i.id = t.integration_id
                where t.id in (select id from trackable) order by t.id""".formatted(COLUMNS),
                TaskQueries::task, accountId, email));
    }

    public void assign(long taskId, String email, Role role) {
        jdbc.update("insert into task_assignee (task_id, email, role, source) values (?, ?, ?, 'MANUAL') "
                + "on conflict (task_id, email) do update set role = excluded.role, source = 'MANUAL'",
                taskId, email, role.name());
    }

    public boolean unassign(long taskId, String email) {
        return jdbc.update("delete from task_assignee where task_id = ? and lower(email) = lower(?)", taskId, email) > 0;
    }

    public List<Client> clients(long accountId) {
        return jdbc.query("select id, name, email, provider, external_id, archived from client where account_id = ? "
                + "order by lower(name), id", (rs, i) -> new Client(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(6)), accountId);
    }

    private List<Task> withAssignees(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return tasks;
        }
        Long[] ids = tasks.stream().map(Task::id).toArray(Long[]::new);
        Map<Long, List<Assignee>> byTask = new HashMap<>();
        jdbc.query("select task_id, email, role, source from task_assignee where task_id = any (?) order by email",
                rs -> {
                    byTask.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Assignee(rs.getString(2),
                            Role.valueOf(rs.getString(3)), AssignmentSource.valueOf(rs.getString(4))));
                }, (Object) ids);
        return tasks.stream().map(t -> new Task(t.id(), t.integrationId(), t.provider(), t.parentId(), t.kind(),
                t.type(), t.externalId(), t.name(), t.status(), t.archivedReason(), t.externalUpdatedAt(),
                byTask.getOrDefault(t.id(), List.of()))).toList();
    }

    private static Task task(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("archived_reason");
        Timestamp updated = rs.getTimestamp("external_updated_at");
        return new Task(rs.getLong("id"), rs.getLong("integration_id"), rs.getString("provider"),
                (Long) rs.getObject("parent_id"), TaskKind.valueOf(rs.getString("kind")), rs.getString("type"),
                rs.getString("external_id"), rs.getString("name"), TaskStatus.valueOf(rs.getString("status")),
                reason == null ? null : ArchiveReason.valueOf(reason), updated == null ? null : updated.toInstant(),
                List.of());
    }
}
