package io.taskhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.taskhub.config.HubProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {

    private static final String SECRET = "{\"refreshToken\":\"5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ\"}";

    /** Sealed by the code before values were bound to their integration, with the key "one key". */
    private static final String LEGACY_SEALED = "feF3NnnpIcoVmFQgLu2lAgGr/PI0DF1MQQtAxUuCB013q4uo9OCR975WjUnvsksiC3Ab"
            + "y/hRM+7Iznrtg2LtP1ufmTTwvxruDwWPHbeu027U6Qdo3A==";

    /**
     * Sealed for integration 7 with the passphrase "correct horse battery staple": a change to the derivation (salt,
     * iterations) would lock every installation with a passphrase out of its credentials.
     */
    private static final String PASSPHRASE_SEALED = "AU8Yen2aDe63IqCtreyyrV8YEdHgm/5o/g8GlmGFYLy9irQVYkffWlFKr0tfiZn"
            + "LWRi1vP2nAxZTkHzBFI/e4pOokhYg3Tcq1SYfWtTFzcasE/Yijao=";

    /** Derived once: each derivation costs as much as it should cost an attacker's guess. */
    private static final CredentialCipher ONE_KEY = new CredentialCipher("one key");

    @Test
    void sealedCredentialsOpenWithTheSameKeyOnly() {
        byte[] sealed = ONE_KEY.seal(7, SECRET);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("5Aep861");
        assertThat(ONE_KEY.open(7, sealed)).isEqualTo(SECRET);
        assertThat(ONE_KEY.seal(7, SECRET)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> new CredentialCipher("another key").open(7, sealed))
                .isInstanceOf(CredentialCipher.Unopenable.class).hasMessageContaining("HUB_SECRET_KEY");
    }

    @Test
    void aValueOpensOnlyInItsOwnIntegrationsRow() {
        byte[] sealed = ONE_KEY.seal(7, SECRET);
        assertThatThrownBy(() -> ONE_KEY.open(8, sealed))
                .isInstanceOf(CredentialCipher.Unopenable.class)
                .hasMessageContaining("integration 8 cannot be opened").hasMessageContaining("another integration")
                .hasNoCause();
    }

    @Test
    void aTamperedValueIsRefused() {
        byte[] sealed = ONE_KEY.seal(7, SECRET);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> ONE_KEY.open(7, sealed)).isInstanceOf(CredentialCipher.Unopenable.class);
    }

    @Test
    void theBase64FormOf32BytesIsTheKeyItself() throws Exception {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        byte[] sealed = new CredentialCipher(Base64.getEncoder().encodeToString(raw)).seal(7, SECRET);

        assertThat(sealed[0]).as("format version").isEqualTo((byte) 1);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, sealed, 1, 12));
        aes.updateAAD(ByteBuffer.allocate(9).put((byte) 1).putLong(7).array());
        assertThat(new String(aes.doFinal(sealed, 13, sealed.length - 13), StandardCharsets.UTF_8)).isEqualTo(SECRET);
    }

    @Test
    void aPassphraseDerivesTheSameKeyEveryTime() {
        CredentialCipher cipher = new CredentialCipher("correct horse battery staple");
        assertThat(cipher.open(7, Base64.getDecoder().decode(PASSPHRASE_SEALED))).isEqualTo(SECRET);
        assertThat(new CredentialCipher("correct horse battery staple").open(7, cipher.seal(7, SECRET)))
                .isEqualTo(SECRET);
    }

    @Test
    void aValueSealedByTheEarlierVersionOpensOnlyToBeResealed() {
        byte[] legacy = Base64.getDecoder().decode(LEGACY_SEALED);
        assertThat(ONE_KEY.openLegacy(legacy)).isEqualTo(SECRET);
        assertThatThrownBy(() -> ONE_KEY.open(7, legacy)).isInstanceOf(CredentialCipher.Unopenable.class);
        assertThatThrownBy(() -> new CredentialCipher("another key").openLegacy(legacy))
                .isInstanceOf(CredentialCipher.Unopenable.class).hasMessageContaining("HUB_SECRET_KEY");
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
        byte[] sealed = new SecretKeyConfig().credentialCipher(embedded).seal(7, SECRET);
        assertThat(Base64.getDecoder().decode(Files.readString(dir.resolve("secret.key")).trim()))
                .as("a key, used as it is").hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret.key"))))
                .isEqualTo("rw-------");
        assertThat(new SecretKeyConfig().credentialCipher(embedded).open(7, sealed)).as("after a restart")
                .isEqualTo(SECRET);
    }

    private static HubProperties properties(Path dataDir, String dbUrl, String key) {
        return new HubProperties(dataDir, new HubProperties.Db(dbUrl, "", "", 4, Duration.ofSeconds(1)), key,
                new HubProperties.Operator("operator", ""),
                new HubProperties.Sync(1, Duration.ofMinutes(2), Duration.ofHours(24), Duration.ofSeconds(30),
                        Duration.ofSeconds(30), 100, Duration.ofHours(2), 500, 4, 1000, 20, Duration.ofMinutes(2)),
                "", "", new HubProperties.Logins(Duration.ofMinutes(5), 10, 100, Duration.ofMinutes(5), 2));
    }
}
