package io.taskhub.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import io.taskhub.config.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key for provider credentials at rest. With the embedded database the hub generates one and keeps it beside the
 * data it protects; an external database outlives any one machine, so there the key must be given.
 */
@Configuration(proxyBeanMethods = false)
public class SecretKeyConfig {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyConfig.class);

    @Bean
    CredentialCipher credentialCipher(HubProperties hub) throws IOException {
        if (hub.secretKey() != null && !hub.secretKey().isBlank()) {
            return new CredentialCipher(hub.secretKey());
        }
        if (hub.db().external()) {
            throw new IllegalStateException("HUB_SECRET_KEY is required with an external database (HUB_DB_URL): "
                    + "it encrypts provider credentials, and every hub instance must use the same one");
        }
        Path file = hub.dataDir().resolve("secret.key");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            LOG.info("Generated the credentials key in {}: keep it with the data directory", file);
        }
        return new CredentialCipher(Files.readString(file).trim());
    }
}
