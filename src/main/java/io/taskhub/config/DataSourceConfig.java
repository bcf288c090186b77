package io.taskhub.config;

import java.io.IOException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL is the only database: the external one named by {@code HUB_DB_URL}, or else a real embedded one whose
 * data lives under {@code HUB_DATA_DIR} and survives restarts, behind a password kept there too.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfig {

    private static final Logger LOG = LoggerFactory.getLogger(DataSourceConfig.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${hub.db.url:}'.isBlank()")
    EmbeddedDatabase embeddedDatabase(HubProperties hub) throws IOException {
        LOG.info("No HUB_DB_URL: starting embedded PostgreSQL with its data in {}",
                hub.dataDir().resolve("postgres").toAbsolutePath());
        return EmbeddedDatabase.start(hub.dataDir());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(HubProperties hub, ObjectProvider<EmbeddedDatabase> embedded) {
        HikariDataSource ds = pool(hub.db(), embedded);
        // batched statements become multi-row inserts on the wire
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        ds.setMaximumPoolSize(hub.db().poolSize());
        ds.setPoolName("hub-db");
        return ds;
    }

    /**
     * Replaces Spring Boot's check, which borrows from the sync pool: there it queues behind busy syncs and, with
     * the database gone, waits out the pool's 30 s connection timeout. A pool of one connection of its own gives up
     * after {@code hub.db.health-timeout}, and so does a read from a server that stopped answering.
     */
    @Bean(destroyMethod = "close")
    DatabaseHealth dbHealthIndicator(HubProperties hub, ObjectProvider<EmbeddedDatabase> embedded) {
        HikariDataSource ds = pool(hub.db(), embedded);
        Duration timeout = hub.db().healthTimeout();
        ds.setConnectionTimeout(timeout.toMillis());
        ds.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        ds.setMaximumPoolSize(1);
        ds.setPoolName("hub-db-health");
        return new DatabaseHealth(ds);
    }

    private static HikariDataSource pool(HubProperties.Db db, ObjectProvider<EmbeddedDatabase> embedded) {
        HikariDataSource ds = new HikariDataSource();
        if (db.external()) {
            ds.setJdbcUrl(db.url());
            ds.setUsername(db.user());
            ds.setPassword(db.password());
        } else {
            EmbeddedDatabase database = embedded.getObject();
            ds.setJdbcUrl(database.jdbcUrl());
            ds.setUsername(EmbeddedDatabase.USER);
            ds.setPassword(database.password());
        }
        return ds;
    }
}
