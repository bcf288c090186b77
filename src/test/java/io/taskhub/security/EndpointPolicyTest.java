package io.taskhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.taskhub.api.ApiProblem;
import io.taskhub.provider.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointPolicyTest {

    private static final Provider XERO = new Provider() {
        public String id() {
            return "xero";
        }

        public String displayName() {
            return "Xero";
        }

        public List<String> types() {
            return List.of("contacts");
        }

        public List<String> credentialFields() {
            return List.of();
        }

        public List<String> endpointFields() {
            return List.of("baseUrl", "tokenUrl");
        }

        public List<String> publicDomains() {
            return List.of("xero.com");
        }

        public void verify(Connection connection) {
        }
    };

    private final EndpointPolicy policy = new EndpointPolicy("sim.test, *.lab.test,10.1.2.3");

    @ParameterizedTest
    @ValueSource(strings = {
            "http://attacker/x?userAgent=#property:hub.operator.password&z=",
            "https://api.xero.com/x?y=1", "https://api.xero.com/#frag", "https://user:pw@api.xero.com",
            "https://api.xero.com/%23property:x", "https://api.xero.com/a b", "ftp://api.xero.com",
            "https://api.xero.com:99999", "api.xero.com", "https://", "http://api.xero.com\\@evil.test",
            "http://127.1:18220", "http://127.0.0.1.:18220", "http://10.1.2.3.", "https://api.xero.com-"})
    void urlsThatAreNotPlainAreRefusedNamingTheField(String url) {
        assertThatThrownBy(() -> policy.check(XERO, Map.of("baseUrl", url)))
                .isInstanceOf(ApiProblem.class).hasMessageStartingWith("endpoint.baseUrl: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost", "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.1", "http://192.168.1.1", "http://[::1]:8080", "http://[fd00::1]", "http://0.0.0.0",
            "http://metadata.google.internal", "https://xero.com.attacker.test", "https://evilxero.com",
            "http://sim.test.attacker.test", "http://lab.test.evil"})
    void hostsOutsideTheProviderAndTheOperatorsListAreRefused(String url) {
        assertThatThrownBy(() -> policy.check(XERO, Map.of("baseUrl", url)))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("HUB_ENDPOINT_HOSTS");
    }

    @Test
    void theProvidersDomainsAndTheOperatorsHostsAreAllowed() {
        assertThat(policy.check(XERO, Map.of("baseUrl", "https://api.xero.com/")))
                .containsEntry("baseUrl", "https://api.xero.com");
        assertThat(policy.check(XERO, Map.of("tokenUrl", "https://identity.xero.com/connect/token")))
                .containsEntry("tokenUrl", "https://identity.xero.com/connect/token");
        assertThat(policy.check(XERO, Map.of("baseUrl", "http://sim.test:8083/v2"))).isNotEmpty();
        assertThat(policy.check(XERO, Map.of("baseUrl", "http://a.lab.test"))).isNotEmpty();
        assertThat(policy.check(XERO, Map.of("baseUrl", "http://10.1.2.3:9000"))).isNotEmpty();
    }

    @Test
    void onlyTheProvidersEndpointsMayBeOverridden() {
        assertThatThrownBy(() -> policy.check(XERO, Map.of("loginUrl", "https://api.xero.com")))
                .isInstanceOf(ApiProblem.class).hasMessageStartingWith("endpoint.loginUrl: ");
    }

    @Test
    void nothingIsAllowedOutsideTheProvidersDomainsByDefault() {
        EndpointPolicy strict = new EndpointPolicy("");
        assertThatThrownBy(() -> strict.check(XERO, Map.of("baseUrl", "http://localhost:8083")))
                .isInstanceOf(ApiProblem.class);
    }
}
