package io.taskhub.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxHelpersTest {

    @Test
    void signedTokensVerifyAcrossInstancesOfTheSameSeedOnly() {
        String token = new SignedTokens("xero", 42).sign(123L, "refresh", "client-1");

        SignedTokens.Claims claims = new SignedTokens("xero", 42).verify(token, 2);
        assertThat(claims.fields()).containsExactly("refresh", "client-1");
        assertThat(claims.expiresAt()).isEqualTo(123L);
        assertThat(new SignedTokens("xero", 43).verify(token, 2)).isNull();
        assertThat(new SignedTokens("quickbooks", 42).verify(token, 2)).isNull();
        assertThat(new SignedTokens("xero", 42).verify(token.substring(1), 2)).isNull();
        assertThat(new SignedTokens("xero", 42).verify("no-dot", 2)).isNull();
    }

    /** The layout tokens had before the helper: hubs may still hold such refresh tokens. */
    @Test
    void signedTokensAcceptTheLayoutTheSimulatorsIssuedBefore() throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256")
                .digest("taskhub-quickbooks-simulator-7".getBytes(StandardCharsets.UTF_8));
        String payload = "refresh|1700000000000000|" + Long.MAX_VALUE + "|AAAAAAAAAAAAAAAA";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String token = base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));

        SignedTokens.Claims claims = new SignedTokens("quickbooks", 7).verify(token, 1);
        assertThat(claims).isEqualTo(new SignedTokens.Claims(List.of("refresh"), 1700000000000000L, Long.MAX_VALUE));
    }

    @Test
    void ticksIncreaseStrictly() {
        SignedTokens tokens = new SignedTokens("xero", 1);
        long first = tokens.tick();
        assertThat(tokens.tick()).isGreaterThan(first);
    }

    @Test
    void formsDecodeAndKeepTheFirstOfARepeatedName() {
        assertThat(FormEncoding.parse("a=1+2&b&a=3&c=%E2%82%AC&&d=%zz"))
                .containsExactly(Map.entry("a", "1 2"), Map.entry("b", ""),
                        Map.entry("c", "€"), Map.entry("d", "%zz"));
        assertThat(FormEncoding.parse(null)).isEmpty();
    }

    @Test
    void authorizationHeadersAreReadLikeTheProvidersDo() {
        String basic = "basic " + Base64.getEncoder()
                .encodeToString("my%20id:s%3Acret".getBytes(StandardCharsets.UTF_8));
        assertThat(AuthorizationHeader.clientCredentials(basic))
                .isEqualTo(new AuthorizationHeader.ClientCredentials("my id", "s:cret"));
        assertThat(AuthorizationHeader.basic(basic)).isEqualTo("my%20id:s%3Acret");
        assertThat(AuthorizationHeader.clientCredentials("Basic " + Base64.getEncoder().encodeToString(
                "no-colon".getBytes(StandardCharsets.UTF_8)))).isNull();
        assertThat(AuthorizationHeader.basic("Basic !!")).isNull();
        assertThat(AuthorizationHeader.bearerToken("BEARER  abc ")).isEqualTo("abc");
        assertThat(AuthorizationHeader.bearerToken("Basic abc")).isNull();
    }

    @Test
    void plannedAnswersAreServedInOrderThenNone() {
        PlannedAnswers<String> planned = new PlannedAnswers<>();
        planned.plan(2, "a");
        planned.plan(0, "never");
        planned.plan(-1, "never");
        planned.plan(1, "b");
        assertThat(List.of(planned.next(), planned.next(), planned.next())).containsExactly("a", "a", "b");
        assertThat(planned.next()).isNull();
        planned.plan(1, "c");
        planned.clear();
        assertThat(planned.next()).isNull();
    }

    @Test
    void nthSkipsTheIndexesLeftOut() {
        TreeSet<Integer> leftOut = new TreeSet<>(List.of(1, 2, 5));
        assertThat(GeneratedIndexes.nth(0, 0, leftOut)).isZero();
        assertThat(GeneratedIndexes.nth(0, 1, leftOut)).isEqualTo(3);
        assertThat(GeneratedIndexes.nth(2, 1, leftOut)).isEqualTo(4);
        assertThat(GeneratedIndexes.nth(2, 2, leftOut)).isEqualTo(6);
    }
}
