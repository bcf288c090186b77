package io.taskhub.api;

import io.taskhub.config.PublicUrl;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.sync.StoredIntegration;
import io.taskhub.sync.WebhookSecrets;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * What an administrator registers in Insightly's workflow automation: the integration's webhook URL and its secret,
 * sent in the {@code X-Hub-Secret} header. Insightly signs nothing, so the secret is the proof.
 */
@Component("integrationWebhookApi")
public class IntegrationWebhookApi {

    /** The provider whose webhook is called with a per-integration secret. */
    static final String PROVIDER = "insightly";

    public record Webhook(String url, String secret) {
    }

    private final IntegrationsApi integrations;
    private final WebhookSecrets secrets;
    private final PublicUrl publicUrl;

    public IntegrationWebhookApi(IntegrationsApi integrations, WebhookSecrets secrets, PublicUrl publicUrl) {
        this.integrations = integrations;
        this.secrets = secrets;
        this.publicUrl = publicUrl;
    }

    public Webhook show(@Header("acc") String acc, @Header("id") String id) {
        StoredIntegration integration = withWebhook(acc, id);
        return new Webhook(url(integration), secrets.of(integration.id()));
    }

    /** A new secret: the old one stops working at once, so Insightly's workflow must be given the new one. */
    public Webhook rotate(@Header("acc") String acc, @Header("id") String id) {
        StoredIntegration integration = withWebhook(acc, id);
        return new Webhook(url(integration), secrets.rotate(integration.id()));
    }

    private StoredIntegration withWebhook(String acc, String id) {
        StoredIntegration integration = integrations.find(acc, id);
        if (!PROVIDER.equals(integration.provider())) {
            throw ApiProblem.conflict("only Insightly integrations have a webhook secret: " + integration.provider()
                    + " signs its webhooks with the app's key");
        }
        if (integration.status() == IntegrationStatus.UNLINKED) {
            throw ApiProblem.conflict("integration " + integration.id() + " is unlinked: it takes no webhooks");
        }
        return integration;
    }

    private String url(StoredIntegration integration) {
        return publicUrl.resolve("/webhooks/" + PROVIDER + "/" + integration.id());
    }
}
