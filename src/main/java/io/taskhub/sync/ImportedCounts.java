package io.taskhub.sync;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How many records of each type an integration has imported and keeps active. */
@Repository
public class ImportedCounts {

    private final JdbcTemplate jdbc;

    public ImportedCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Active tasks by type (the tree's root and lists count under their own types, which no provider has). */
    public Map<String, Long> tasks(long integrationId) {
        return counts("select type, count(*) from task where integration_id = ? and status = 'ACTIVE' group by type",
                integrationId);
    }

    /** QuickBooks keeps a read copy instead of tasks: its customers and documents, by the provider's type names. */
    public Map<String, Long> quickBooksCopy(long integrationId) {
        return counts("""
                select 'customers', count(*) from qb_customer where integration_id = ? and active
                union all
                select lower(type) || 's', count(*) from qb_document where integration_id = ? group by type""",
                integrationId, integrationId);
    }

    private Map<String, Long> counts(String sql, Object... args) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, args);
        return counts;
    }
}
