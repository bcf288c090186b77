package io.taskhub.security;

import java.io.IOException;

import io.taskhub.config.GeneratedSecret;
import io.taskhub.config.HubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key for provider credentials at rest. With the embedded database the hub generates one and keeps it beside the
 * data it protects; an external database outlives any one machine, so there the key must be given.
 */
@Configuration(proxyBeanMethods = false)
public class SecretKeyConfig {

    @Bean
    CredentialCipher credentialCipher(HubProperties hub) throws IOException {
        if (hub.secretKey() != null && !hub.secretKey().isBlank()) {
            return new CredentialCipher(hub.secretKey());
        }
        if (hub.db().external()) {
            throw new IllegalStateException("HUB_SECRET_KEY is required with an external database (HUB_DB_URL): "
                    + "it encrypts provider credentials, and every hub instance must use the same one");
        }
        return new CredentialCipher(GeneratedSecret.readOrCreate(hub.dataDir().resolve("secret.key"),
                "the credentials key"));
    }
}
