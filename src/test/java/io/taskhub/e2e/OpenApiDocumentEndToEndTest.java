package io.taskhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document as a client generator reads it, written to {@code target/openapi.json} for the linter that
 * {@code .ci/run} runs; and the API reference page that shows it, open like the document.
 */
@HubTest
class OpenApiDocumentEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void everyOperationSaysWhatItAnswersAndIsWrittenForTheLinter() throws Exception {
        HubClient.Answer answer = HubClient.at(port).get("/api/openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode openapi = answer.json();
        List<String> operations = new ArrayList<>();
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getValue().path("operationId").asText();
            operations.add(name);
            JsonNode responses = op.getValue().path("responses");
            assertThat(responses.has("401")).as(name + " says it needs a login").isTrue();
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2") && !response.getKey().equals("204")) {
                    assertThat(response.getValue().path("content").path("application/json").path("schema").isObject())
                            .as(name + " " + response.getKey() + " has a schema").isTrue();
                } else if (!response.getKey().startsWith("2")) {
                    assertThat(response.getValue().path("content").path("application/problem+json").path("schema")
                            .path("$ref").asText()).as(name + " " + response.getKey())
                            .isEqualTo("#/components/schemas/Problem");
                }
            });
            assertThat(op.getValue().path("tags").path(0).asText()).as(name + " has its resource's tag")
                    .isNotEmpty().isNotEqualTo("/api");
        }));
        assertThat(operations).hasSizeGreaterThan(40).noneMatch(id -> id.startsWith("webhook-"));
        assertThat(openapi.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(openapi.path("security").path(0).has("basicAuth")).isTrue();
        assertThat(openapi.path("tags").findValuesAsText("name")).as("only the documented operations' tags")
                .contains("tasks", "integrations").doesNotContain("/api", "/webhooks");
        JsonNode task = openapi.path("components").path("schemas").path("Task");
        assertThat(task.path("required")).extracting(JsonNode::asText).contains("id", "name", "status")
                .doesNotContain("parentId");
        assertThat(openapi.path("paths").path("/api/accounts/{acc}/tasks").path("get").path("parameters")
                .findValuesAsText("name")).contains("acc", "integrationId", "status", "type", "parentId", "q", "page",
                "size");

        Path written = Path.of("target", "openapi.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(openapi));
    }

    @Test
    void theApiReferenceIsOpenAndRunsNoInlineScript() {
        HubClient anonymous = HubClient.at(port);
        HubClient.Answer page = anonymous.get("/api/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("/webjars/swagger-ui/swagger-ui-bundle.js", "/api-docs/reference.js")
                .doesNotContainPattern("<script>\\s*\\S");
        assertThat(anonymous.get("/api-docs/reference.js").text()).contains("url: \"/api/openapi.json\"");
        assertThat(anonymous.get("/webjars/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/webjars/swagger-ui/swagger-ui.css").status()).isEqualTo(200);
    }
}
