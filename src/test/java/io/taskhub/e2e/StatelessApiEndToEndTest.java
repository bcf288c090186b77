package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.apache.catalina.Manager;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * The REST API is for services: every call carries its credentials, so no call may leave an HTTP session behind
 * (each would hold memory until it expired, and a session cookie is one more thing to steal), nor any cookie.
 */
@HubTest
class StatelessApiEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void apiCallsOfEveryKindCreateNoHttpSession() {
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        String account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Stateless")).get("id").asText();
        operator.post(account + "/users", Map.of("email", "admin@stateless.test", "role", "ADMINISTRATOR",
                "password", "admin-password"));
        HubClient admin = HubClient.at(port).as("admin@stateless.test", "admin-password");
        int before = activeSessions();

        HubClient.Answer[] answers = {
            admin.get(account + "/integrations"),                                      // 200
            admin.get(account + "/tasks?page=x"),                                      // 400
            HubClient.at(port).get(account + "/integrations"),                         // 401
            HubClient.at(port).as("admin@stateless.test", "wrong-password").get(account + "/users"),
            admin.get("/api/accounts"),                                                // 403
            admin.get(account + "/integrations/999999"),                               // 404
            HubClient.at(port).get("/api/openapi.json"),
        };

        for (HubClient.Answer answer : answers) {
            // neither a session nor the console's CSRF cookie: a service holds no cookies
            assertThat(answer.headers().allValues("Set-Cookie")).as(answer.text()).isEmpty();
        }
        assertThat(answers).extracting(HubClient.Answer::status).containsExactly(200, 400, 401, 401, 403, 404, 200);
        assertThat(activeSessions()).isEqualTo(before);
    }

    private int activeSessions() {
        Tomcat tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        Manager sessions = ((org.apache.catalina.Context) tomcat.getHost().findChildren()[0]).getManager();
        return sessions.getActiveSessions();
    }
}
