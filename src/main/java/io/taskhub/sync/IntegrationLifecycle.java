package io.taskhub.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.provider.Provider;
import io.taskhub.provider.Providers;
import io.taskhub.security.CredentialCipher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that changes an integration's state, kept consistent with its Quartz trigger and its tree: the
 * trigger lives in the same database, so each change and its schedule commit together.
 */
@Service
public class IntegrationLifecycle {

    private final IntegrationRepository integrations;
    private final SyncScheduler scheduler;
    private final TaskTree tree;
    private final Providers providers;
    private final CredentialCipher cipher;
    private final ObjectMapper json;

    public IntegrationLifecycle(IntegrationRepository integrations, SyncScheduler scheduler, TaskTree tree,
                                Providers providers, CredentialCipher cipher, ObjectMapper json) {
        this.integrations = integrations;
        this.scheduler = scheduler;
        this.tree = tree;
        this.providers = providers;
        this.cipher = cipher;
        this.json = json;
    }

    /** Stores a verified integration and schedules its first sync right away. */
    @Transactional
    public long enable(long accountId, Provider provider, String ownerEmail, Provider.Connection connection,
                       List<String> types, int intervalSeconds) {
        long id = integrations.nextId();
        integrations.insert(id, accountId, provider.id(), ownerEmail, seal(id, connection.credentials()),
                connection.endpoint(), connection.settings(), types, intervalSeconds);
        integrations.setTenantKey(id, tenantKey(provider, connection.credentials()));
        scheduler.schedule(id, intervalSeconds, Instant.now());
        return id;
    }

    @Transactional
    public void reenable(StoredIntegration integration, String ownerEmail, Map<String, String> credentials) {
        integrations.reenable(integration.id(), ownerEmail, seal(integration.id(), credentials));
        integrations.setTenantKey(integration.id(),
                tenantKey(providers.get(integration.provider()), credentials));
        scheduler.schedule(integration.id(), integration.intervalSeconds(), Instant.now());
    }

    /** Stops syncing, forgets the credentials and archives the tree (UNLINKED). */
    @Transactional
    public void unlink(StoredIntegration integration) {
        scheduler.unschedule(integration.id());
        integrations.unlink(integration.id());
        tree.archiveAll(integration.id());
    }

    /** Deselected types are archived at once; newly selected ones are read whole at the next sync. */
    @Transactional
    public void changeTypes(StoredIntegration integration, List<String> types) {
        List<String> added = new ArrayList<>(types);
        added.removeAll(integration.selectedTypes());
        integrations.updateTypes(integration.id(), types);
        added.forEach(type -> integrations.resetCursor(integration.id(), type));
        tree.archiveDeselected(integration.id(), providers.get(integration.provider()), types);
    }

    @Transactional
    public void changeInterval(StoredIntegration integration, int intervalSeconds) {
        integrations.updateInterval(integration.id(), intervalSeconds);
        if (integration.status() == IntegrationStatus.ACTIVE) {
            scheduler.reschedule(integration.id(), intervalSeconds);
        }
    }

    /** The integrations a removed user enabled stop until an administrator re-enables them with new credentials. */
    @Transactional
    public void ownerRemoved(long accountId, String email) {
        for (Long id : integrations.activeOwnedBy(accountId, email)) {
            integrations.updateStatus(id, IntegrationStatus.NEEDS_REENABLE, "owner " + email + " was removed");
            scheduler.unschedule(id);
        }
    }

    /** The provider refused the stored credentials (say a spent refresh token): no more syncs until re-enabled. */
    @Transactional
    public void credentialsRefused(long integrationId, String reason) {
        integrations.needsReenable(integrationId, reason);
        scheduler.unschedule(integrationId);
    }

    /** Root assignments follow the account's users at once, not at the next sync. */
    @Transactional
    public void usersChanged(long accountId) {
        for (StoredIntegration integration : integrations.list(accountId)) {
            Long root = tree.root(integration.id());
            if (root != null && integration.status() != IntegrationStatus.UNLINKED) {
                tree.assignRoot(root, providers.get(integration.provider()), integration.ownerEmail(), accountId);
            }
        }
    }

    /** The organisation a provider's webhooks name, kept beside the sealed credentials to find the integration. */
    static String tenantKey(Provider provider, Map<String, String> credentials) {
        return provider.tenantCredential() == null ? null : credentials.get(provider.tenantCredential());
    }

    private byte[] seal(long integrationId, Map<String, String> credentials) {
        try {
            return cipher.seal(integrationId, json.writeValueAsString(credentials));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
