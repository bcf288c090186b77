package io.taskhub.api;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.provider.Provider;
import io.taskhub.security.CredentialCipher;
import io.taskhub.sync.IntegrationRepository;
import io.taskhub.sync.StoredIntegration;
import org.springframework.stereotype.Component;

/** The account's QuickBooks integration as the REST API needs it, and the opened credentials of an integration. */
@Component
class QuickBooksIntegrations {

    private final IntegrationRepository integrations;
    private final CredentialCipher cipher;
    private final ObjectMapper json;

    QuickBooksIntegrations(IntegrationRepository integrations, CredentialCipher cipher, ObjectMapper json) {
        this.integrations = integrations;
        this.cipher = cipher;
        this.json = json;
    }

    /** The account's QuickBooks integration that is not unlinked: its read copy and links are what the API shows. */
    StoredIntegration of(long accountId) {
        return integrations.list(accountId).stream()
                .filter(i -> i.provider().equals("quickbooks") && i.status() != IntegrationStatus.UNLINKED)
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("the account has no QuickBooks integration"));
    }

    /** The same, for what needs QuickBooks itself: it must be active. */
    StoredIntegration active(long accountId) {
        return active(of(accountId));
    }

    StoredIntegration active(StoredIntegration integration) {
        if (integration.status() != IntegrationStatus.ACTIVE) {
            throw ApiProblem.conflict("the " + integration.provider() + " integration " + integration.id()
                    + " is " + integration.status() + ": an administrator must re-enable it first");
        }
        return integration;
    }

    StoredIntegration find(long id) {
        return integrations.find(id).orElseThrow(() -> new IllegalStateException("no integration " + id));
    }

    Provider.Connection connection(StoredIntegration integration) {
        try {
            byte[] sealed = active(integration).sealedCredentials();
            Map<String, String> credentials = json.readValue(cipher.open(integration.id(), sealed),
                    new TypeReference<>() { });
            return new Provider.Connection(credentials, integration.endpoint(), integration.settings());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the credentials of integration " + integration.id() + " are not JSON", e);
        }
    }
}
