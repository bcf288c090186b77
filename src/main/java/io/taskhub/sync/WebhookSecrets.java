package io.taskhub.sync;

import java.security.SecureRandom;
import java.util.Base64;

import io.taskhub.security.CredentialCipher;
import io.taskhub.security.WebhookSignature;
import org.springframework.stereotype.Component;

/**
 * The per-integration secret of a webhook whose provider signs nothing (Insightly's workflow automation only calls a
 * URL): made on first demand, sealed at rest like the credentials, replaced on rotation, checked in constant time.
 */
@Component
public class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IntegrationRepository integrations;
    private final CredentialCipher cipher;

    public WebhookSecrets(IntegrationRepository integrations, CredentialCipher cipher) {
        this.integrations = integrations;
        this.cipher = cipher;
    }

    /** The integration's secret, made now if it has none yet. */
    public String of(long integrationId) {
        if (integrations.webhookSecret(integrationId).isEmpty()) {
            integrations.setWebhookSecret(integrationId, cipher.seal(integrationId, fresh()), true);
        }
        return cipher.open(integrationId, integrations.webhookSecret(integrationId).orElseThrow());
    }

    /** A new secret; the old one stops working at once. */
    public String rotate(long integrationId) {
        String secret = fresh();
        integrations.setWebhookSecret(integrationId, cipher.seal(integrationId, secret), false);
        return secret;
    }

    /** False when the integration has no secret (never asked for, or unlinked). */
    public boolean matches(long integrationId, String given) {
        return integrations.webhookSecret(integrationId)
                .map(sealed -> WebhookSignature.sameSecret(given, cipher.open(integrationId, sealed)))
                .orElse(false);
    }

    private static String fresh() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
