package io.taskhub.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The YAML routes are read from {@code HUB_ROUTES_DIR} (default {@code ./routes}) so that integration engineers can
 * edit them in place. A hub started where that directory does not exist (a jar run from elsewhere) falls back to
 * the copy packaged in the jar, rather than starting without routes and so without its REST API.
 */
public class RoutesLocation implements EnvironmentPostProcessor {

    private final Log log;

    public RoutesLocation(DeferredLogFactory logs) {
        this.log = logs.getLog(RoutesLocation.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty("HUB_ROUTES_DIR", "./routes");
        if (Files.isDirectory(Path.of(dir))) {
            return;
        }
        log.warn("No routes directory " + Path.of(dir).toAbsolutePath() + " (HUB_ROUTES_DIR): using the routes "
                + "packaged in the jar, which cannot be edited or reloaded");
        environment.getPropertySources().addFirst(new MapPropertySource("packaged-routes", Map.of(
                "camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml",
                "camel.main.routes-reload-enabled", "false")));
    }
}
