package io.taskhub.provider.xero;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.InvoiceExport;
import io.taskhub.provider.InvoiceRejected;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.provider.oauth.BearerAuthorization;
import io.taskhub.security.CredentialCipher;
import io.taskhub.sync.IntegrationRepository;
import io.taskhub.sync.StoredIntegration;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The steps of the {@code xero-invoices-export} route: Xero's request for an invoice, and what its answer means. */
@Component("xeroInvoices")
public class XeroInvoices {

    private final IntegrationRepository integrations;
    private final CredentialCipher cipher;
    private final XeroSession session;
    private final BearerAuthorization bearer;
    private final ObjectMapper json;

    public XeroInvoices(IntegrationRepository integrations, CredentialCipher cipher, XeroSession session,
                        BearerAuthorization bearer, ObjectMapper json) {
        this.integrations = integrations;
        this.cipher = cipher;
        this.session = session;
        this.bearer = bearer;
        this.json = json;
    }

    /** Opens the integration's session and answers the body of {@code PUT /Invoices}. */
    public String toXero(@Body InvoiceExport export, Exchange exchange) throws JsonProcessingException {
        StoredIntegration integration = integrations.find(export.integrationId()).orElseThrow();
        Map<String, String> credentials = json.readValue(cipher.open(integration.id(), integration.sealedCredentials()),
                new TypeReference<>() { });
        session.session(integration.id(),
                new Provider.Connection(credentials, integration.endpoint(), integration.settings())).attach(exchange);
        String revenueAccount = String.valueOf(integration.settings().get(XeroMapper.REVENUE_SETTING));
        return json.writeValueAsString(XeroMapper.invoice(export, revenueAccount));
    }

    /**
     * Xero's answer: the invoice it created, or the refusal ({@link InvoiceRejected}, {@link ProviderUnavailable},
     * {@link ProviderRejection}) as the answer rather than as a failure of the route: a refused invoice is the
     * client's business, not an error of the hub to log.
     */
    public Object created(Exchange exchange) throws JsonProcessingException {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class);
        String text = exchange.getIn().getBody(String.class);
        JsonNode answer = text == null || text.isBlank() ? json.missingNode() : json.readTree(text);
        return switch (status) {
            case 200, 201 -> XeroMapper.createdInvoice(answer);
            case 400 -> new InvoiceRejected("Xero refused the invoice", XeroMapper.validationMessages(answer));
            case 401 -> {
                bearer.discardAccessToken(exchange);
                yield new ProviderUnavailable("Xero refused the access token (401): try again");
            }
            case 403 -> XeroFailures.disconnected(exchange);
            case 429 -> new ProviderUnavailable("Xero's API limit is reached ("
                    + exchange.getIn().getHeader("X-Rate-Limit-Problem", "rate", String.class) + "): try again after "
                    + exchange.getIn().getHeader("Retry-After", "a while", String.class) + " s");
            default -> new ProviderUnavailable("Xero answered " + status + ": try again later");
        };
    }
}
