package io.taskhub.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Marks the fields of every answer's schema required unless nullable: the hub's answers are records, which Jackson
 * writes whole (nulls included, {@code default-property-inclusion: always}), so a field that went missing is drift.
 * {@link Problem} leaves out its null {@code field}, which is nullable. Request schemas keep their optional fields.
 */
final class AnswerFields {

    private static final String PREFIX = "#/components/schemas/";

    private AnswerFields() {
    }

    static void markRequired(JsonNode openapi) {
        JsonNode schemas = openapi.path("components").path("schemas");
        Deque<String> pending = new ArrayDeque<>();
        openapi.path("paths").forEach(path -> path.forEach(operation ->
                operation.path("responses").forEach(response -> references(response, pending))));
        Set<String> answered = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (answered.add(name)) {
                references(schemas.path(name), pending);
            }
        }
        for (String name : answered) {
            if (schemas.path(name) instanceof ObjectNode schema) {
                ArrayNode required = schema.arrayNode();
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (!property.getValue().path("nullable").asBoolean(false)) {
                        required.add(property.getKey());
                    }
                });
                if (!required.isEmpty()) {
                    schema.set("required", required);
                }
            }
        }
    }

    private static void references(JsonNode node, Deque<String> found) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith(PREFIX)) {
            found.push(ref.substring(PREFIX.length()));
        }
        node.forEach(child -> references(child, found));
    }
}
