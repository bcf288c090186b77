package io.taskhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // RFC 4231, test case 2: HMAC-SHA256("what do ya want for nothing?", "Jefe"), in base64
    private static final byte[] BODY = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final String SIGNATURE = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=";

    @Test
    void theRightSignatureOfTheRawBodyPasses() {
        assertThat(WebhookSignature.valid(BODY, SIGNATURE, "Jefe")).isTrue();
        assertThat(WebhookSignature.valid(BODY, " " + SIGNATURE + " ", "Jefe")).isTrue();
    }

    @Test
    void anythingElseFails() {
        assertThat(WebhookSignature.valid(BODY, SIGNATURE, "jefe")).isFalse();
        assertThat(WebhookSignature.valid("what do ya want for nothing? ".getBytes(StandardCharsets.US_ASCII),
                SIGNATURE, "Jefe")).isFalse();
        assertThat(WebhookSignature.valid(BODY, null, "Jefe")).isFalse();
        assertThat(WebhookSignature.valid(BODY, "not base64!", "Jefe")).isFalse();
        assertThat(WebhookSignature.valid(BODY, SIGNATURE.substring(0, 20), "Jefe")).isFalse();
        assertThat(WebhookSignature.valid(BODY, SIGNATURE, "")).as("no key configured").isFalse();
        assertThat(WebhookSignature.valid(BODY, SIGNATURE, null)).isFalse();
    }

    @Test
    void secretsAreComparedWhole() {
        assertThat(WebhookSignature.sameSecret("abc", "abc")).isTrue();
        assertThat(WebhookSignature.sameSecret("abc", "abd")).isFalse();
        assertThat(WebhookSignature.sameSecret("ab", "abc")).isFalse();
        assertThat(WebhookSignature.sameSecret(null, "abc")).isFalse();
    }
}
