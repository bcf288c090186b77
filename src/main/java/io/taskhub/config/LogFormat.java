package io.taskhub.config;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code HUB_LOG_FORMAT}: {@code text} (the default, for people) or {@code json}, Spring Boot's structured logging
 * in the Elastic Common Schema, one JSON object a line for a log pipeline. The sync lines carry the run, the
 * integration and the provider in their context ({@code runId}, {@code integrationId}, {@code provider}).
 */
public class LogFormat implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty("HUB_LOG_FORMAT", "text").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "text" -> { }
            case "json" -> environment.getPropertySources().addFirst(new MapPropertySource("hub-log-format",
                    Map.of("logging.structured.format.console", "ecs")));
            default -> throw new IllegalArgumentException("HUB_LOG_FORMAT must be text or json, not " + format);
        }
    }
}
