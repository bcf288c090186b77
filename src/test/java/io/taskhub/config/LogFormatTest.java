package io.taskhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code HUB_LOG_FORMAT=json} turns on Spring Boot's ECS lines; text stays the default; anything else is refused. */
class LogFormatTest {

    @Test
    void jsonMeansStructuredEcsLines() {
        assertThat(format("json")).isEqualTo("ecs");
        assertThat(format("JSON ")).isEqualTo("ecs");
    }

    @Test
    void textAndNothingLeaveThePlainLines() {
        assertThat(format("text")).isNull();
        assertThat(format(null)).isNull();
    }

    @Test
    void aFormatTheHubDoesNotKnowStopsTheStart() {
        assertThatThrownBy(() -> format("xml")).hasMessageContaining("HUB_LOG_FORMAT must be text or json");
    }

    private static String format(String value) {
        StandardEnvironment environment = new StandardEnvironment();
        if (value != null) {
            environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of("HUB_LOG_FORMAT", value)));
        }
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("logging.structured.format.console");
    }
}
