package io.taskhub.api;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskhub.config.WebhookProperties;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.provider.quickbooks.QuickBooksNotifications;
import io.taskhub.provider.xero.XeroNotifications;
import io.taskhub.security.WebhookSignature;
import io.taskhub.sync.IntegrationRepository;
import io.taskhub.sync.WebhookSecrets;
import io.taskhub.sync.WebhookSyncs;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Provider webhooks (no login: the signature, or Insightly's per-integration secret, is the proof). A signed
 * delivery is checked against the raw bytes it came with; every delivery is answered at once with an empty body and
 * only queues work: the syncs it asks for run later ({@link WebhookSyncs}). A verified notification for an
 * organisation or integration that no active integration stands for is answered 200 too (providers retry anything
 * else), logged and counted ({@code hub_webhooks_dropped_total}).
 */
@Component("webhooksApi")
public class WebhooksApi {

    private static final Logger LOG = LoggerFactory.getLogger(WebhooksApi.class);

    private final WebhookProperties keys;
    private final IntegrationRepository integrations;
    private final WebhookSyncs syncs;
    private final WebhookSecrets secrets;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public WebhooksApi(WebhookProperties keys, IntegrationRepository integrations, WebhookSyncs syncs,
                       WebhookSecrets secrets, ObjectMapper json, MeterRegistry meters) {
        this.keys = keys;
        this.integrations = integrations;
        this.syncs = syncs;
        this.secrets = secrets;
        this.json = json;
        this.meters = meters;
    }

    /** Changed contacts bring their organisation's integrations up to date; Xero's "intent to receive" has none. */
    public void xero(@Body byte[] body, @Header("x-xero-signature") String signature, Exchange exchange)
            throws IOException {
        if (!WebhookSignature.valid(raw(body), signature, keys.xeroKey())) {
            answer(exchange, "xero", 401);
            return;
        }
        notified("xero", XeroNotifications.contactTenants(read(body)));
        answer(exchange, "xero", 200);
    }

    /** Customers, invoices, payments and estimates changed in one or more companies. */
    public void quickbooks(@Body byte[] body, @Header("intuit-signature") String signature, Exchange exchange)
            throws IOException {
        if (!WebhookSignature.valid(raw(body), signature, keys.quickbooksToken())) {
            answer(exchange, "quickbooks", 401);
            return;
        }
        notified("quickbooks", QuickBooksNotifications.changedRealms(read(body)));
        answer(exchange, "quickbooks", 200);
    }

    /**
     * Insightly's workflow automation calls the integration's own URL with its secret in {@code X-Hub-Secret} (or,
     * for a workflow that cannot set headers, in the {@code secret} query parameter); the integration syncs.
     */
    public void insightly(@Header("integrationId") String integrationId, @Header("X-Hub-Secret") String header,
                          @Header("secret") String parameter, Exchange exchange) {
        long id = Check.id("integrationId", integrationId);
        // the secret first: an id with none to match (unknown, unlinked, another provider's) is a 401 like a wrong
        // secret, so that no caller without one learns which integrations exist
        if (!secrets.matches(id, header != null ? header : parameter)) {
            answer(exchange, "insightly", 401);
            return;
        }
        boolean active = integrations.find(id).filter(i -> IntegrationWebhookApi.PROVIDER.equals(i.provider())
                && i.status() != IntegrationStatus.UNLINKED).isPresent();
        if (active) {
            syncs.changed(id);
        } else {
            dropped("insightly", "integration " + id);
        }
        answer(exchange, "insightly", 200);
    }

    private void notified(String provider, Set<String> tenants) {
        for (String tenant : tenants) {
            List<Long> connected = integrations.activeWithTenant(provider, tenant);
            if (connected.isEmpty()) {
                dropped(provider, "organisation " + tenant);
            }
            connected.forEach(syncs::changed);
        }
    }

    private void dropped(String provider, String named) {
        LOG.info("A {} webhook named {}, which no active integration is connected to: dropped", provider, named);
        meters.counter("hub.webhooks.dropped", "provider", provider).increment();
    }

    private JsonNode read(byte[] body) throws IOException {
        return raw(body).length == 0 ? json.missingNode() : json.readTree(body);
    }

    private static byte[] raw(byte[] body) {
        return body == null ? new byte[0] : body;
    }

    /** An empty body, whatever the status: a refused delivery learns nothing. */
    private void answer(Exchange exchange, String provider, int status) {
        meters.counter("hub.webhooks.deliveries", "provider", provider, "status", String.valueOf(status)).increment();
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(null);
    }
}
