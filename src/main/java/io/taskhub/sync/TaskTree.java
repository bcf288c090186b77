package io.taskhub.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.taskhub.provider.Provider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fixed part of an integration's tree: its root project, one list per selected type, and who is assigned to the
 * root. Records are written by the page writer; this class keeps the frame they hang in.
 */
@Component
public class TaskTree {

    private final JdbcTemplate jdbc;

    public TaskTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the frame match the selection and answers, per selected type, the task its records sit under. */
    @Transactional
    public Map<String, Long> prepare(long integrationId, Provider provider, List<String> selectedTypes,
                                     String ownerEmail, long accountId) {
        long root = upsert(integrationId, null, "PROJECT", "root", provider.id(), provider.displayName());
        Map<String, Long> parents = new HashMap<>();
        for (String type : selectedTypes) {
            parents.put(type, provider.listPerType()
                    ? upsert(integrationId, root, "TASK", "list", type, provider.typeName(type))
                    : root);
        }
        archiveDeselected(integrationId, provider, selectedTypes);
        assignRoot(root, provider, ownerEmail, accountId);
        return parents;
    }

    /**
     * A type no longer selected: its list and records are archived (DESELECTED) at once, not at the next sync. Only
     * the provider's unselected types are looked up, through the (integration, type, external id) index, so that
     * this costs next to nothing at every sync's start however many tasks the hub holds.
     */
    public void archiveDeselected(long integrationId, Provider provider, List<String> selectedTypes) {
        String[] deselected = provider.types().stream().filter(type -> !selectedTypes.contains(type))
                .toArray(String[]::new);
        if (deselected.length == 0) {
            return;
        }
        jdbc.update("""
                update task set status = 'ARCHIVED', archived_reason = 'DESELECTED', updated_at = now()
                where integration_id = ? and status = 'ACTIVE' and kind = 'TASK'
                  and (type = any (?) or (type = 'list' and external_id = any (?)))""",
                integrationId, deselected, deselected);
    }

    /** Archives the whole tree of an unlinked integration. */
    public void archiveAll(long integrationId) {
        jdbc.update("update task set status = 'ARCHIVED', archived_reason = 'UNLINKED', updated_at = now() "
                + "where integration_id = ? and (status = 'ACTIVE' or archived_reason <> 'UNLINKED')", integrationId);
    }

    /** The owner as ADMINISTRATOR; for providers that want it, every user of the account as REGULAR. */
    public void assignRoot(long root, Provider provider, String ownerEmail, long accountId) {
        jdbc.update("insert into task_assignee (task_id, email, role, source) values (?, ?, 'ADMINISTRATOR', 'AUTO') "
                + "on conflict (task_id, email) do nothing", root, ownerEmail);
        boolean everyone = provider.assignsAllUsersToRoot();
        if (everyone) {
            jdbc.update("insert into task_assignee (task_id, email, role, source) "
                    + "select ?, login, 'REGULAR', 'AUTO' from hub_user where account_id = ? "
                    + "on conflict (task_id, email) do nothing", root, accountId);
        }
        jdbc.update("""
                delete from task_assignee a where a.task_id = ? and a.source = 'AUTO' and lower(a.email) <> lower(?)
                  and (not ? or not exists (select 1 from hub_user u
                                            where u.account_id = ? and lower(u.login) = lower(a.email)))""",
                root, ownerEmail, everyone, accountId);
    }

    public Long root(long integrationId) {
        return jdbc.query("select id from task where integration_id = ? and kind = 'PROJECT'",
                (rs, i) -> rs.getLong(1), integrationId).stream().findFirst().orElse(null);
    }

    private long upsert(long integrationId, Long parent, String kind, String type, String externalId, String name) {
        return jdbc.queryForObject("""
                insert into task (integration_id, parent_id, kind, type, external_id, name, status)
                values (?, ?, ?, ?, ?, ?, 'ACTIVE')
                on conflict (integration_id, type, external_id) do update
                    set name = excluded.name, parent_id = excluded.parent_id, status = 'ACTIVE', archived_reason = null
                returning id""", Long.class, integrationId, parent, kind, type, externalId, name);
    }
}
