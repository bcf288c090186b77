package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.ProviderRejection;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** A refused credential in the provider's own words (Insightly's, recorded), else its status. */
class RefusedCredentialsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void refusalsCarryInsightlysOwnWords() {
        assertThat(RefusedCredentials.refused(401)).isTrue();
        assertThat(RefusedCredentials.refused(429)).isFalse();
        assertThat(RefusedCredentials.reason(401, "{\"Message\":\"Authorization has been denied for this request.\"}",
                json)).isEqualTo("Authorization has been denied for this request.");
        assertThat(RefusedCredentials.reason(404, "<html>Not Found</html>", json)).isEqualTo("HTTP 404");
    }

    @Test
    void aRefusalFailsWithoutTheRequestsHeadersAndAnAnswerPasses() throws Exception {
        RefusedCredentials refusals = new RefusedCredentials(json);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange answered = answer(camel, 200);
            refusals.check(answered, "Insightly refused the API key");
            assertThat(answered.getIn().getHeader("Authorization")).isNotNull();

            Exchange refused = answer(camel, 401);
            assertThatThrownBy(() -> refusals.check(refused, "Insightly refused the API key"))
                    .isInstanceOf(ProviderRejection.class)
                    .hasMessage("Insightly refused the API key: Authorization has been denied for this request.");
            assertThat(refused.getIn().getHeaders()).isEmpty();
        }
    }

    private static Exchange answer(DefaultCamelContext camel, int status) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader("Authorization", "Basic c2VjcmV0LWtleTo=");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getIn().setBody("{\"Message\":\"Authorization has been denied for this request.\"}");
        return exchange;
    }
}
