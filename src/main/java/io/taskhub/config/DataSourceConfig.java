package io.taskhub.config;

import java.io.IOException;

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
        HikariDataSource ds = new HikariDataSource();
        HubProperties.Db db = hub.db();
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
        // batched statements become multi-row inserts on the wire
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        ds.setMaximumPoolSize(db.poolSize());
        ds.setPoolName("hub-db");
        return ds;
    }
}
