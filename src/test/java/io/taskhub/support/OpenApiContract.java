package io.taskhub.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * The hub's own {@code /api/openapi.json}, read once per port: {@link HubClient} checks every answer of a documented
 * operation against it (status declared, media type, body schema), so the document cannot drift from the code.
 */
final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = "https://taskhub.invalid/openapi.json";
    private static final Map<Integer, OpenApiContract> BY_PORT = new ConcurrentHashMap<>();

    private record Operation(String id, String method, String template, Pattern path, JsonNode responses) {
    }

    private final List<Operation> operations = new ArrayList<>();
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    OpenApiContract(String document) throws Exception {
        JsonNode openapi = JSON.readTree(document);
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                operations.add(new Operation(op.getValue().path("operationId").asText(), op.getKey().toUpperCase(),
                        path.getKey(), Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+")),
                        op.getValue().path("responses")))));
        // a literal segment beats a parameter where both would match
        operations.sort(Comparator.comparingLong(op -> op.template().chars().filter(c -> c == '{').count()));
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                registry -> registry.schemas(Map.of(DOCUMENT, document)));
    }

    static OpenApiContract of(int port) {
        return BY_PORT.computeIfAbsent(port, OpenApiContract::read);
    }

    private static OpenApiContract read(int port) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("/api/openapi.json answered " + answer.statusCode());
            }
            return new OpenApiContract(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException("the hub on port " + port + " has no readable OpenAPI document", e);
        }
    }

    /** Throws, naming the operation and the mismatch, when a documented operation answered what it does not say. */
    void check(String method, String pathAndQuery, HubClient.Answer answer) {
        String path;
        try {
            path = URI.create(pathAndQuery).getRawPath();
        } catch (IllegalArgumentException e) {
            return; // not even a URI: no operation of the document
        }
        Operation op = operations.stream()
                .filter(o -> o.method().equals(method) && o.path().matcher(path).matches())
                .findFirst().orElse(null);
        if (op == null) {
            return; // not a documented operation: a probe of what the API refuses
        }
        String status = String.valueOf(answer.status());
        JsonNode response = op.responses().path(status);
        String call = op.id() + " (" + method + " " + pathAndQuery + ") answered " + status;
        if (response.isMissingNode()) {
            throw new AssertionError(call + ", which the OpenAPI document does not declare: " + answer.text());
        }
        JsonNode content = response.path("content");
        if (content.isEmpty()) {
            if (answer.text() != null && !answer.text().isEmpty()) {
                throw new AssertionError(call + " with a body, where the document declares none: " + answer.text());
            }
            return;
        }
        String mediaType = content.fieldNames().next();
        if (!answer.contentType().startsWith(mediaType)) {
            throw new AssertionError(call + " as " + answer.contentType() + ", where the document says " + mediaType);
        }
        String pointer = "/paths/" + escape(op.template()) + "/" + method.toLowerCase() + "/responses/" + status
                + "/content/" + escape(mediaType) + "/schema";
        Schema schema = compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + p)));
        List<Error> errors = schema.validate(answer.text(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError(call + " against the OpenAPI document: "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("; ")) + "\nin " + answer.text());
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
