package io.taskhub.config;

import java.io.Closeable;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;

/** Spring Boot's database check on a pool of its own, which it closes with the hub (see DataSourceConfig). */
public final class DatabaseHealth extends DataSourceHealthIndicator implements Closeable {

    private final HikariDataSource pool;

    DatabaseHealth(HikariDataSource pool) {
        super(pool, "select 1");
        this.pool = pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
