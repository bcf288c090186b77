package io.taskhub.provider.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.taskhub.provider.Provider;
import org.junit.jupiter.api.Test;

class RotatingGrantTest {

    private static Provider.Connection connection(String secret, String refreshToken, String loginUrl) {
        return new Provider.Connection(Map.of("clientId", "client", "clientSecret", secret, "refreshToken",
                refreshToken), Map.of("loginUrl", loginUrl), Map.of());
    }

    @Test
    void eachRotationIsSpentInTurnAndStaysTheSameGrant() {
        RotatingGrant grant = new RotatingGrant(connection("secret", "r1", "https://login"), "r1");
        assertThat(grant.rotated("r2")).isEqualTo("r1");
        assertThat(grant.rotated("r3")).isEqualTo("r2");
        // stored credentials may lag behind: any token the session had is its grant
        assertThat(grant.presentedBy(connection("secret", "r1", "https://login"))).isTrue();
        assertThat(grant.presentedBy(connection("secret", "r3", "https://login"))).isTrue();
    }

    @Test
    void anotherTokenClientOrEndpointIsAnotherGrant() {
        RotatingGrant grant = new RotatingGrant(connection("secret", "r1", "https://login"), "r1");
        assertThat(grant.presentedBy(connection("secret", "other", "https://login"))).isFalse();
        assertThat(grant.presentedBy(connection("new-secret", "r1", "https://login"))).isFalse();
        assertThat(grant.presentedBy(connection("secret", "r1", "https://test.login"))).isFalse();
    }
}
