package io.taskhub.config;

import java.io.Closeable;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;

/** Spring Boot's database check on a pool of its own, which it closes with the hub (see DataSourceConfig). */
public final class DatabaseHealth extends DataSourceHealthIndicator implements Closeable {

    private final HikariDataSource pool;

    DatabaseHealth(HikariDataSource pool) {
        super(pool, "select 1");
        this.pool = pool;
    }

    /** Short reads that must not queue behind the syncs either (the integrations' freshness). */
    public JdbcTemplate quickReads() {
        return new JdbcTemplate(pool);
    }

    @Override
    public void close() {
        pool.close();
    }
}
