package io.taskhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After a class of end-to-end tests, checks what the task table's dropped foreign keys used to (see migration V21):
 * every task belongs to an existing integration and sits under a task of that same integration.
 */
public class TreeIntegrity implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        JdbcTemplate jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
        List<String> broken = jdbc.queryForList("""
                select 'task ' || c.id || ' (' || c.type || ' ' || c.external_id || ')' from task c
                where not exists (select 1 from integration i where i.id = c.integration_id)
                   or c.parent_id is not null and not exists (select 1 from task p
                                                              where p.id = c.parent_id
                                                                and p.integration_id = c.integration_id)
                """, String.class);
        assertThat(broken).as("tasks without their integration or with a parent elsewhere").isEmpty();
    }
}
