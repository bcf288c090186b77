package io.taskhub.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a provider's records remember the run that last saw them, as two SQL statements that the route template
 * unseen-by-id names (its parameters {@code unseen} and {@code keep}; by default the tasks'): the type's records a
 * full reconciliation did not see, and marking those it keeps as seen. Both bind {@code :integrationId},
 * {@code :runId} and {@code :type}; the keep statement also {@code :ids}, the external ids.
 */
@Component("unseenStore")
public class UnseenStore {

    /** Ids bound in one keep statement: PostgreSQL takes at most 65,535 parameters. */
    static final int KEPT_AT_ONCE = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final ResourceLoader resources;
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    public UnseenStore(JdbcTemplate jdbc, ResourceLoader resources) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.resources = resources;
    }

    /** The external ids of the type's records this run did not see, in id order. */
    public List<String> unseen(String statement, SyncContext sync, String type) {
        return jdbc.queryForList(text(statement), parameters(sync, type, List.of()), String.class);
    }

    /** Marks these as seen by this run: the provider still has them, or the next reconciliation confirms them. */
    public void keep(String statement, SyncContext sync, String type, Collection<String> externalIds) {
        List<String> ids = List.copyOf(externalIds);
        for (int from = 0; from < ids.size(); from += KEPT_AT_ONCE) {
            jdbc.update(text(statement), parameters(sync, type,
                    ids.subList(from, Math.min(ids.size(), from + KEPT_AT_ONCE))));
        }
    }

    private String text(String statement) {
        return statements.computeIfAbsent(statement, name -> {
            try {
                return resources.getResource("classpath:" + name).getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        });
    }

    private static Map<String, Object> parameters(SyncContext sync, String type, Collection<String> externalIds) {
        return Map.of("integrationId", sync.integrationId(), "runId", sync.runId(), "type", type,
                "ids", externalIds);
    }
}
