package io.taskhub.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.util.Map;

import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

/** The test client's check of answers against the OpenAPI document, on a document of one operation. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.1", "paths": {"/api/accounts/{acc}/runs/{runId}": {"get": {"operationId": "api-runs-get",
              "responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Run"}}}},
                "404": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}},
             "components": {"schemas": {"Run": {"type": "object", "properties": {
               "id": {"type": "integer"}, "error": {"type": "string", "nullable": true}}}}}}""";

    private final OpenApiContract contract = new OpenApiContract(DOCUMENT);

    OpenApiContractTest() throws Exception {
    }

    @Test
    void anAnswerAsDocumentedPasses() {
        assertThatCode(() -> contract.check("GET", "/api/accounts/1/runs/2?x=1",
                answer(200, "application/json", "{\"id\": 2, \"error\": null}"))).doesNotThrowAnyException();
        assertThatCode(() -> contract.check("GET", "/api/accounts/1/runs/2/other",
                answer(500, "text/plain", "not an operation of the document"))).doesNotThrowAnyException();
    }

    @Test
    void aBodyUnlikeItsSchemaFailsNamingTheOperationAndTheField() {
        assertThatThrownBy(() -> contract.check("GET", "/api/accounts/1/runs/2",
                answer(200, "application/json", "{\"id\": \"two\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("api-runs-get").hasMessageContaining("/id");
    }

    @Test
    void anUndeclaredStatusOrMediaTypeFails() {
        assertThatThrownBy(() -> contract.check("GET", "/api/accounts/1/runs/2",
                answer(409, "application/problem+json", "{}"))).hasMessageContaining("does not declare");
        assertThatThrownBy(() -> contract.check("GET", "/api/accounts/1/runs/2",
                answer(404, "application/json", "{}"))).hasMessageContaining("application/problem+json");
    }

    private static HubClient.Answer answer(int status, String contentType, String body) {
        return new HubClient.Answer(status, contentType, MissingNode.getInstance(), body,
                HttpHeaders.of(Map.of(), (name, value) -> true));
    }
}
