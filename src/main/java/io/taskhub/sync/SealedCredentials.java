package io.taskhub.sync;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.Provider;
import io.taskhub.security.CredentialCipher;
import org.springframework.stereotype.Component;

/** Opens an integration's stored credentials, for a call made outside a sync run. */
@Component
public class SealedCredentials {

    private final CredentialCipher cipher;
    private final ObjectMapper json;

    public SealedCredentials(CredentialCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    /**
     * Throws {@link CredentialCipher.Unopenable} if they were sealed with another key, and
     * {@link IllegalStateException} if there are none (unlinked).
     */
    public Map<String, String> open(StoredIntegration integration) {
        if (integration.sealedCredentials() == null) {
            throw new IllegalStateException("integration " + integration.id() + " has no credentials");
        }
        try {
            return json.readValue(cipher.open(integration.id(), integration.sealedCredentials()),
                    new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the credentials of integration " + integration.id() + " are not JSON", e);
        }
    }

    public Provider.Connection connection(StoredIntegration integration) {
        return new Provider.Connection(open(integration), integration.endpoint(), integration.settings());
    }
}
