package io.taskhub.api;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.openapi.OpenApiRestApiProcessorFactory;
import org.apache.camel.spi.RestApiProcessorFactory;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.support.processor.DelegateProcessor;
import org.springframework.stereotype.Component;

/**
 * Serves {@code /api/openapi.json} with camel-openapi-java and corrections to what Camel 4.18's reader writes:
 * error answers are {@code application/problem+json} (it gives every answer the operation's {@code produces} and does
 * not read a {@code responseMessage}'s content type), and only the tags of documented operations are listed (it lists
 * the webhooks' too, which are kept out of the document); the answers' fields are marked required
 * ({@link AnswerFields}); and the parameters and request fields carry the limits the code holds them to
 * ({@link DocumentedLimits}). Camel takes the registry's factory before its own.
 */
@Component
public class OpenApiProcessorFactory implements RestApiProcessorFactory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestApiProcessorFactory camel = new OpenApiRestApiProcessorFactory();
    private final DocumentedLimits limits;

    OpenApiProcessorFactory(DocumentedLimits limits) {
        this.limits = limits;
    }

    @Override
    public Processor createApiProcessor(CamelContext context, String contextPath, RestConfiguration configuration,
                                        Map<String, Object> parameters) throws Exception {
        // a delegate starts and stops Camel's processor along with itself
        return new DelegateProcessor(camel.createApiProcessor(context, contextPath, configuration, parameters)) {
            @Override
            public void process(Exchange exchange) throws Exception {
                super.process(exchange);
                String body = exchange.getMessage().getBody(String.class);
                if (body != null && !body.isBlank()) {
                    exchange.getMessage().setBody(JSON.writeValueAsString(corrected(JSON.readTree(body))));
                }
            }
        };
    }

    JsonNode corrected(JsonNode openapi) {
        Set<String> used = new HashSet<>();
        openapi.path("paths").forEach(path -> path.forEach(operation -> {
            operation.path("tags").forEach(tag -> used.add(tag.asText()));
            operation.path("responses").fields().forEachRemaining(response -> {
                JsonNode content = response.getValue().path("content");
                if (response.getKey().matches("[45]\\d\\d") && content.has("application/json")) {
                    ((ObjectNode) content).set(Problem.MEDIA_TYPE, ((ObjectNode) content).remove("application/json"));
                }
            });
        }));
        if (openapi.path("tags") instanceof ArrayNode tags) {
            tags.removeIf(tag -> !used.contains(tag.path("name").asText()));
        }
        AnswerFields.markRequired(openapi);
        limits.write(openapi);
        return openapi;
    }
}
