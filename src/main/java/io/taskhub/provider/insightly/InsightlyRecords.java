package io.taskhub.provider.insightly;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.sync.RefusedCredentials;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads one Insightly record and writes onto one, outside a sync: what copying contact details between a client and
 * its accounting customer needs. camel-http, HTTP Basic with the API key; a refused key is a
 * {@link ProviderRejection}.
 */
@Component
public class InsightlyRecords {

    private static final String ENDPOINT = "http:insightly?throwExceptionOnFailure=false";
    /** Record ids are numbers; anything else would change the path the API key is sent to. */
    private static final Pattern ID = Pattern.compile("[0-9]{1,20}");

    private final ProducerTemplate camel;
    private final InsightlyPages api;
    private final ObjectMapper json;

    public InsightlyRecords(ProducerTemplate camel, InsightlyPages api, ObjectMapper json) {
        this.camel = camel;
        this.api = api;
        this.json = json;
    }

    /** {@code GET /Contacts/{id}}: the record as it is now. */
    public JsonNode read(Provider.Connection connection, String type, String externalId) {
        if (!ID.matcher(externalId).matches()) {
            throw new IllegalArgumentException("not an Insightly record id: " + externalId);
        }
        return send(connection, "GET", api.collection(type) + "/" + externalId, null);
    }

    /** {@code PUT /Contacts} with the record's id and the fields to change: answers the record as changed. */
    public JsonNode update(Provider.Connection connection, String type, ObjectNode body) {
        return send(connection, "PUT", api.collection(type), body);
    }

    private JsonNode send(Provider.Connection connection, String method, String path, ObjectNode body) {
        String url = api.baseUrl(connection) + path;
        Exchange answer = camel.request(ENDPOINT, exchange -> {
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, method);
            exchange.getIn().setHeader(Exchange.HTTP_URI, url);
            exchange.getIn().setHeader("Authorization", api.authorization(connection));
            exchange.getIn().setHeader("Accept", "application/json");
            if (body != null) {
                exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
                exchange.getIn().setBody(body.toString());
            }
        });
        if (answer.getException() != null) {
            throw new IllegalStateException("Insightly cannot be reached at " + url, answer.getException());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String text = answer.getMessage().getBody(String.class);
        if (RefusedCredentials.refused(status)) {
            throw new ProviderRejection("Insightly refused the API key: "
                    + RefusedCredentials.reason(status, text, json));
        }
        if (status < 200 || status > 299) {
            throw new IllegalStateException("Insightly answered " + method + " " + path + " with "
                    + RefusedCredentials.reason(status, text, json));
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Insightly answered " + method + " " + path + " with something other "
                    + "than JSON", e);
        }
    }
}
