package io.taskhub.provider.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderUnavailable;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** How many records of each type an org holds: {@code SELECT COUNT() FROM ...}, through the org's kept session. */
@Component
public class SalesforceCounts {

    private static final Map<String, String> OBJECTS = Map.of(
            SalesforceMapper.OPPORTUNITIES, "Opportunity",
            SalesforceMapper.CASES, "Case");

    private final SalesforceSessions sessions;
    private final ProducerTemplate camel;
    private final ObjectMapper json;

    public SalesforceCounts(SalesforceSessions sessions, ProducerTemplate camel, ObjectMapper json) {
        this.sessions = sessions;
        this.camel = camel;
        this.json = json;
    }

    public Map<String, Long> count(long integrationId, Provider.Connection connection) {
        var held = sessions.acquire(integrationId, connection);
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            // the component's name is the hub's own (salesforce-{id}-{n}), never request data
            OBJECTS.keySet().forEach(type -> counts.put(type, totalSize(camel.requestBody(
                    held.session().name() + ":query?rawPayload=true", countQuery(type), String.class))));
            return counts;
        } finally {
            sessions.release(held);
        }
    }

    /** Also the count that chooses a Bulk query job (route {@code salesforce-bulk-choice}). */
    public static String countQuery(String type) {
        return "SELECT COUNT() FROM " + OBJECTS.get(type);
    }

    private long totalSize(String answer) {
        try {
            return json.readTree(answer).path("totalSize").asLong();
        } catch (JsonProcessingException e) {
            throw new ProviderUnavailable("Salesforce answered a count with something other than JSON", e);
        }
    }
}
