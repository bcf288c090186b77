package io.taskhub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class RoutesLocationTest {

    private final RoutesLocation location = new RoutesLocation(new DeferredLogs());

    @Test
    void anExistingRoutesDirectoryIsUsedAsConfigured(@TempDir Path routes) {
        MockEnvironment environment = new MockEnvironment().withProperty("HUB_ROUTES_DIR", routes.toString());
        location.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("camel.main.routes-include-pattern")).isNull();
    }

    @Test
    void withoutOneTheRoutesPackagedInTheJarAreLoaded(@TempDir Path parent) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("HUB_ROUTES_DIR", parent.resolve("missing").toString());
        location.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("camel.main.routes-include-pattern"))
                .isEqualTo("classpath:routes/*.camel.yaml");
        assertThat(environment.getProperty("camel.main.routes-reload-enabled")).isEqualTo("false");
    }
}
