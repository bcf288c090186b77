package io.taskhub.provider.quickbooks;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call to a company's API: a resource under {@code /v3/company/{realmId}/} ({@code query}, {@code cdc},
 * {@code customer}...), its query parameters (the minor version is added) and, for a POST, its JSON body.
 */
public record QuickBooksRequest(String method, String resource, Map<String, String> query, JsonNode body) {

    public static QuickBooksRequest get(String resource, Map<String, String> query) {
        return new QuickBooksRequest("GET", resource, Map.copyOf(query), null);
    }

    public static QuickBooksRequest post(String resource, JsonNode body) {
        return new QuickBooksRequest("POST", resource, Map.of(), body);
    }

    /** For messages: {@code GET query}. */
    public String describe() {
        return method + " " + resource;
    }
}
