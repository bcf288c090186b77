package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the actuator tells whom: health's status to anyone (and to probes), its details and every other endpoint to
 * the operator alone; the endpoints that would show configuration, beans, memory or threads, or change log levels,
 * to nobody.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActuatorLockdownEndToEndTest {

    @LocalServerPort
    int port;

    HubClient anonymous;
    HubClient operator;
    HubClient administrator;

    @BeforeAll
    void setUp() {
        anonymous = HubClient.at(port);
        operator = anonymous.as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Actuator")).get("id").asLong();
        assertThat(operator.post("/api/accounts/" + account + "/users", Map.of("email", "dan@actuator.test",
                "name", "Dan", "role", "ADMINISTRATOR", "password", "dan-password")).status()).isEqualTo(201);
        administrator = anonymous.as("dan@actuator.test", "dan-password");
    }

    @Test
    void healthTellsAnyoneButTheOperatorItsStatusAlone() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            for (HubClient caller : List.of(anonymous, administrator)) {
                HubClient.Answer health = caller.get(path);
                assertThat(health.status()).as(path).isEqualTo(200);
                assertThat(fields(health.json())).as(path + ": " + health.text()).containsExactly("status");
                assertThat(health.get("status").asText()).isEqualTo("UP");
            }
        }
    }

    /** CONTRACT: every actuator endpoint but health is the operator's; info names the Camel version and more. */
    @Test
    void infoIsTheOperatorsAlone() {
        assertThat(anonymous.get("/actuator/info").status()).isEqualTo(401);
        assertThat(administrator.get("/actuator/info").status()).isEqualTo(403);
        assertThat(operator.get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void theOperatorSeesTheComponents() {
        JsonNode health = operator.get("/actuator/health").json();
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("groups").toString()).contains("liveness", "readiness");
    }

    @Test
    void configurationBeansMemoryThreadsAndLoggersAreNotExposed() {
        for (String endpoint : List.of("env", "env/hub.secret-key", "configprops", "beans", "heapdump", "threaddump",
                "loggers", "mappings", "conditions", "scheduledtasks", "quartz", "sbom", "shutdown", "startup")) {
            String path = "/actuator/" + endpoint;
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            assertThat(administrator.get(path).status()).as(path).isEqualTo(403);
            assertThat(operator.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(operator.post("/actuator/loggers/ROOT", Map.of("configuredLevel", "OFF")).status()).isIn(403, 404);
        JsonNode links = operator.get("/actuator").get("_links");
        assertThat(fields(links)).containsExactlyInAnyOrder("self", "health", "health-path", "info", "metrics",
                "metrics-requiredMetricName", "prometheus", "hawtio", "jolokia");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
