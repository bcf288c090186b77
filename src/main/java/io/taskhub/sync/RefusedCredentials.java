package io.taskhub.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.ProviderRejection;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * A provider's 401 or 403: it refused the integration's credentials (or their user's rights), which no retry mends,
 * so the run fails with a {@link ProviderRejection} in the provider's own words and the integration waits to be
 * re-enabled. A fetch route step right after the call, whose endpoint lets 401 and 403 through.
 */
@Component("refusedCredentials")
public class RefusedCredentials {

    private final ObjectMapper json;

    public RefusedCredentials(ObjectMapper json) {
        this.json = json;
    }

    /** {@code refusal} names who refused what ("Insightly refused the API key"); the request's headers go first. */
    public void check(Exchange exchange, String refusal) {
        Message message = exchange.getIn();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        if (refused(status)) {
            FreshRequest.clear(message);
            throw new ProviderRejection(refusal + ": " + reason(status, message.getBody(String.class), json));
        }
    }

    public static boolean refused(int status) {
        return status == 401 || status == 403;
    }

    /** The provider's own words from an error answer ({@code {"Message": "..."}}), else the status. */
    public static String reason(int status, String body, ObjectMapper json) {
        try {
            JsonNode answer = body == null || body.isBlank() ? null : json.readTree(body);
            for (String field : new String[] {"Message", "message"}) {
                if (answer != null && answer.path(field).isTextual()) {
                    return answer.path(field).asText();
                }
            }
        } catch (JsonProcessingException notJson) {
            // an HTML error page says nothing more than its status
        }
        return "HTTP " + status;
    }
}
