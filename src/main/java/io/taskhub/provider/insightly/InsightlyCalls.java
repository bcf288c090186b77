package io.taskhub.provider.insightly;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.sync.FreshRequest;
import io.taskhub.sync.ImportState;
import io.taskhub.sync.PageImport;
import io.taskhub.sync.PageReader;
import io.taskhub.sync.SyncContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The steps of Insightly's calls: HTTP Basic with the API key on the pod's URL, a refused key in Insightly's words,
 * and the users directory (id → email) read once per sync so that records are assigned by their users' emails.
 */
@Component("insightlyCalls")
public class InsightlyCalls {

    private final InsightlyProperties properties;
    private final InsightlyPages pages;
    private final PageReader reader;
    private final ObjectMapper json;

    public InsightlyCalls(InsightlyProperties properties, InsightlyPages pages, PageReader reader, ObjectMapper json) {
        this.properties = properties;
        this.pages = pages;
        this.reader = reader;
        this.json = json;
    }

    /** The page in the variable {@code import}: only these headers, so nothing of the previous answer travels. */
    public void pageRequest(Exchange exchange) {
        InsightlyRequest request = (InsightlyRequest) exchange.getVariable(PageImport.STATE, ImportState.class)
                .getRequest();
        Message message = get(exchange, request.path());
        message.setHeader(Exchange.HTTP_QUERY, request.query());
    }

    /** One record by id ({@code /Tasks/42}): a full reconciliation confirms that a record it did not see is gone. */
    public void recordRequest(Exchange exchange) {
        get(exchange, "/" + InsightlyApi.resource(exchange.getProperty("type", String.class)) + "/"
                + URLEncoder.encode(exchange.getProperty("externalId", String.class), StandardCharsets.UTF_8));
    }

    /**
     * The JSON list Insightly answered, after dropping the request's headers (the API key among them). A refused
     * key fails the run with Insightly's reason, and the integration then waits to be re-enabled; anything but a
     * list of records is an unreadable page, fetched again.
     */
    public void answer(Exchange exchange) throws IOException {
        Message message = exchange.getIn();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        if (InsightlyApi.refused(status)) {
            FreshRequest.clear(message);
            throw new ProviderRejection("Insightly refused the API key: "
                    + InsightlyApi.reason(status, message.getBody(String.class), json));
        }
        InsightlyRequest request = (InsightlyRequest) exchange.getVariable(PageImport.STATE, ImportState.class)
                .getRequest();
        String page = "Insightly's answer to " + request.path() + "?" + request.query();
        JsonNode records = reader.read(exchange, page);
        FreshRequest.clear(message);
        pages.check(request, records);
        message.setBody(records);
    }

    public void startUsers(Exchange exchange) {
        exchange.setVariable(PageImport.USERS, new HashMap<String, String>());
        exchange.setVariable(PageImport.STATE, ImportState.of("users", InsightlyRequest.users(properties.pageSize())));
    }

    /** Body: a page of {@code /Users}. Stops early if Insightly ignores {@code skip} and repeats itself. */
    public void mapUsers(Exchange exchange) {
        ImportState state = exchange.getVariable(PageImport.STATE, ImportState.class);
        InsightlyRequest request = (InsightlyRequest) state.getRequest();
        @SuppressWarnings("unchecked")
        Map<String, String> users = exchange.getVariable(PageImport.USERS, Map.class);
        JsonNode page = exchange.getIn().getBody(JsonNode.class);
        int known = users.size();
        for (JsonNode user : page) {
            String id = user.path("USER_ID").asText("");
            String email = user.path("EMAIL_ADDRESS").asText("");
            if (!id.isBlank() && !email.isBlank()) {
                users.put(id, email.trim());
            }
        }
        boolean more = request.filledBy(page.size()) && users.size() > known;
        state.advance(more ? request.next() : null, page.size());
    }

    private Message get(Exchange exchange, String path) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        Message message = exchange.getIn();
        FreshRequest.clear(message);
        message.setBody(null);
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_URI, InsightlyApi.baseUrl(sync.connection(), properties.baseUrl()) + path);
        message.setHeader("Authorization", InsightlyApi.authorization(sync.connection()));
        message.setHeader("Accept", "application/json");
        return message;
    }
}
