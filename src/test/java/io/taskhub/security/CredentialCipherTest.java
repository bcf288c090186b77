package io.taskhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.taskhub.config.HubProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {

    private static final String SECRET = "{\"refreshToken\":\"5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ\"}";

    @Test
    void sealedCredentialsOpenWithTheSameKeyOnly() {
        CredentialCipher cipher = new CredentialCipher("one key");
        byte[] sealed = cipher.seal(SECRET);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("5Aep861");
        assertThat(cipher.open(sealed)).isEqualTo(SECRET);
        assertThat(cipher.seal(SECRET)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> new CredentialCipher("another key").open(sealed))
                .hasMessageContaining("HUB_SECRET_KEY");
    }

    @Test
    void aTamperedValueIsRefused() {
        CredentialCipher cipher = new CredentialCipher("one key");
        byte[] sealed = cipher.seal(SECRET);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExternalDatabaseNeedsAGivenKey(@TempDir Path dir) {
        HubProperties external = properties(dir, "jdbc:postgresql://db:5432/hub", "");
        assertThatThrownBy(() -> new SecretKeyConfig().credentialCipher(external))
                .hasMessageContaining("HUB_SECRET_KEY is required with an external database");
    }

    @Test
    void theEmbeddedDatabaseKeepsAGeneratedKeyBesideItsData(@TempDir Path dir) throws Exception {
        HubProperties embedded = properties(dir, "", "");
        byte[] sealed = new SecretKeyConfig().credentialCipher(embedded).seal(SECRET);
        assertThat(Files.exists(dir.resolve("secret.key"))).isTrue();
        assertThat(new SecretKeyConfig().credentialCipher(embedded).open(sealed)).as("after a restart")
                .isEqualTo(SECRET);
    }

    private static HubProperties properties(Path dataDir, String dbUrl, String key) {
        return new HubProperties(dataDir, new HubProperties.Db(dbUrl, "", "", 4), key,
                new HubProperties.Operator("operator", ""),
                new HubProperties.Sync(1, Duration.ofMinutes(2), Duration.ofHours(24), Duration.ofSeconds(30)));
    }
}
