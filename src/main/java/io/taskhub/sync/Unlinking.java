package io.taskhub.sync;

import java.util.Map;

import io.taskhub.model.IntegrationStatus;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.provider.Providers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Unlinking as the user means it: the hub stops and forgets the credentials ({@link IntegrationLifecycle#unlink}),
 * then asks the provider to revoke the grant they held. The unlink is committed first, so a provider that refuses or
 * fails the revocation never blocks it; what happened is the integration's {@code statusReason}.
 */
@Component
public class Unlinking {

    private static final Logger LOG = LoggerFactory.getLogger(Unlinking.class);

    private final IntegrationLifecycle lifecycle;
    private final IntegrationRepository integrations;
    private final Providers providers;
    private final SealedCredentials credentials;

    public Unlinking(IntegrationLifecycle lifecycle, IntegrationRepository integrations, Providers providers,
                     SealedCredentials credentials) {
        this.lifecycle = lifecycle;
        this.integrations = integrations;
        this.providers = providers;
        this.credentials = credentials;
    }

    public void unlink(StoredIntegration integration) {
        Provider provider = providers.get(integration.provider());
        Map<String, String> credentials = credentials(integration);
        lifecycle.unlink(integration);
        if (credentials == null) {
            return;
        }
        String reason;
        try {
            if (!provider.revoke(new Provider.Connection(credentials, integration.endpoint(),
                    integration.settings()))) {
                return;
            }
            reason = "unlinked; the grant was revoked at " + provider.displayName();
        } catch (ProviderRejection | ProviderUnavailable e) {
            reason = "unlinked, but " + e.getMessage() + ": remove the hub's access in " + provider.displayName()
                    + " by hand";
        } catch (RuntimeException e) {
            LOG.warn("Revoking the grant of integration {} failed: {}", integration.id(), Causes.rootMessage(e));
            reason = "unlinked, but " + provider.displayName() + " could not be asked to revoke the grant: remove the "
                    + "hub's access there by hand";
        }
        integrations.updateStatus(integration.id(), IntegrationStatus.UNLINKED, reason);
    }

    /** Null where there is nothing to revoke with: none stored, or sealed with another key. */
    private Map<String, String> credentials(StoredIntegration integration) {
        try {
            return credentials.open(integration);
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
