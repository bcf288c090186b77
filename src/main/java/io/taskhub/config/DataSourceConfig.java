package io.taskhub.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL is the only database: the external one named by {@code HUB_DB_URL}, or else a real embedded one whose
 * data lives under {@code HUB_DATA_DIR} and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfig {

    private static final Logger LOG = LoggerFactory.getLogger(DataSourceConfig.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${hub.db.url:}'.isBlank()")
    EmbeddedPostgres embeddedPostgres(HubProperties hub) throws IOException {
        Path dir = hub.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(dir);
        LOG.info("No HUB_DB_URL: starting embedded PostgreSQL with its data in {}", dir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(HubProperties hub, ObjectProvider<EmbeddedPostgres> embedded) {
        HikariDataSource ds = new HikariDataSource();
        HubProperties.Db db = hub.db();
        if (db.external()) {
            ds.setJdbcUrl(db.url());
            ds.setUsername(db.user());
            ds.setPassword(db.password());
        } else {
            ds.setJdbcUrl(embedded.getObject().getJdbcUrl("postgres", "postgres"));
        }
        // batched statements become multi-row inserts on the wire
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        ds.setMaximumPoolSize(db.poolSize());
        ds.setPoolName("hub-db");
        return ds;
    }
}
