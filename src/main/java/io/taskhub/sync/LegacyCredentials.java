package io.taskhub.sync;

import io.taskhub.security.CredentialCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Re-seals the credentials that an earlier version stored unbound (marked by migration V22), each for its own
 * integration. Runs once the schema is migrated and before the scheduler or the API can reach them: from then on
 * nothing opens credentials the old way. A value that does not open (HUB_SECRET_KEY changed) stays marked for the
 * next start with the right key; meanwhile its integration's syncs fail saying why.
 */
@Component
class LegacyCredentials implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyCredentials.class);

    private final IntegrationRepository integrations;
    private final CredentialCipher cipher;

    LegacyCredentials(IntegrationRepository integrations, CredentialCipher cipher) {
        this.integrations = integrations;
        this.cipher = cipher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        integrations.legacyCredentials().forEach((id, legacy) -> {
            try {
                integrations.resealLegacy(id, legacy, cipher.seal(id, cipher.openLegacy(legacy)));
                LOG.info("Re-sealed the credentials of integration {} for that integration only", id);
            } catch (CredentialCipher.Unopenable e) {
                LOG.warn("Integration {}: {}", id, e.getMessage());
            }
        });
    }
}
