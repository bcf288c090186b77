package io.taskhub.provider.insightly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.sync.JsonGet;
import io.taskhub.sync.RefusedCredentials;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Insightly: six record types over the REST API v3.1 (camel-http), HTTP Basic with the user's API key. */
@Component
public class InsightlyProvider implements Provider {

    /** camel-http, told where to go by the {@code CamelHttpUri} header; failures are read, not thrown. */
    private static final String CHECK_ENDPOINT = "http:insightly?throwExceptionOnFailure=false";

    private final ProducerTemplate camel;
    private final InsightlyPages api;
    private final ObjectMapper json;

    public InsightlyProvider(ProducerTemplate camel, InsightlyPages api, ObjectMapper json) {
        this.camel = camel;
        this.api = api;
        this.json = json;
    }

    @Override
    public String id() {
        return "insightly";
    }

    @Override
    public String displayName() {
        return "Insightly";
    }

    @Override
    public List<String> types() {
        return InsightlyMapper.TYPES;
    }

    @Override
    public List<String> endpointFields() {
        return List.of("baseUrl");
    }

    @Override
    public List<String> publicDomains() {
        return List.of("insightly.com");
    }

    /** {@link Provider#pacedTenant}: Insightly rations calls per API key. */
    @Override
    public String pacedTenant(Connection connection) {
        return Provider.digest(connection.credential("apiKey"));
    }

    @Override
    public List<String> credentialFields() {
        return List.of("apiKey", "pod");
    }

    /** {@code count_total=true} on a one-record page of each type: Insightly answers the total in X-Total-Count. */
    @Override
    public Map<String, Long> countRecords(long integrationId, Connection connection) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String type : types()) {
            Exchange answer = get(connection, api.collection(type), "count_total=true&top=1&brief=true");
            String total = answer.getException() == null
                    ? answer.getMessage().getHeader("X-Total-Count", String.class) : null;
            if (total != null && total.matches("[0-9]{1,18}")) {
                counts.put(type, Long.parseLong(total));
            }
        }
        return counts;
    }

    private Exchange get(Connection connection, String path, String query) {
        String url = api.baseUrl(connection) + path;
        return camel.request(CHECK_ENDPOINT, exchange -> JsonGet.prepare(exchange.getIn(), url,
                api.authorization(connection)).setHeader(Exchange.HTTP_QUERY, query));
    }

    /** Asks who the API key belongs to ({@code GET /Users/Me}): the cheapest call that needs a valid key. */
    @Override
    public void verify(Connection connection) {
        Exchange answer = get(connection, "/Users/Me", null);
        if (answer.getException() != null) {
            throw new ProviderUnavailable("Insightly could not be reached", answer.getException());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (RefusedCredentials.refused(status)) {
            throw new ProviderRejection("Insightly refused the API key (HTTP " + status + ")");
        }
        if (status < 200 || status > 299) {
            throw new ProviderUnavailable("Insightly answered HTTP " + status + " when asked who the API key is");
        }
    }
}
