package io.taskhub.provider.insightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import org.junit.jupiter.api.Test;

/** Addressing Insightly: pod URLs, HTTP Basic with the key, paged requests. */
class InsightlyApiTest {

    private static final String TEMPLATE = "https://api.{pod}.insightly.com/v3.1";

    @Test
    void thePodPicksTheBaseUrlUnlessTheEndpointOverridesIt() {
        assertThat(InsightlyApi.baseUrl(connection("NA1", Map.of()), TEMPLATE))
                .isEqualTo("https://api.na1.insightly.com/v3.1");
        assertThat(InsightlyApi.baseUrl(connection("na1", Map.of("baseUrl", "http://localhost:9/v3.1")), TEMPLATE))
                .isEqualTo("http://localhost:9/v3.1");
        assertThatThrownBy(() -> InsightlyApi.baseUrl(connection("evil.example/x?", Map.of()), TEMPLATE))
                .isInstanceOf(ProviderRejection.class).hasMessageContaining("pod");
    }

    @Test
    void theApiKeyIsTheBasicUserNameWithAnEmptyPassword() {
        String header = InsightlyApi.authorization(connection("na1", Map.of()));
        assertThat(header).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8))
                .isEqualTo("secret-key:");
    }

    @Test
    void requestsPageWithSkipAndTopAndSearchWithAnEncodedTime() {
        InsightlyRequest all = InsightlyRequest.records("Contacts", null, 500, true);
        assertThat(all.path()).isEqualTo("/Contacts");
        assertThat(all.query()).isEqualTo("brief=true&skip=0&top=500");
        assertThat(all.next().next().query()).isEqualTo("brief=true&skip=1000&top=500");
        assertThat(all.filledBy(500)).isTrue();
        assertThat(all.filledBy(499)).isFalse();

        InsightlyRequest changed = InsightlyRequest.records("Tasks", "2024-07-05 12:55:00", 100, false);
        assertThat(changed.path()).isEqualTo("/Tasks/Search");
        assertThat(changed.query()).isEqualTo("updated_after_utc=2024-07-05%2012%3A55%3A00&skip=0&top=100");
        assertThat(InsightlyRequest.users(500).query()).isEqualTo("skip=0&top=500");
    }

    private static Provider.Connection connection(String pod, Map<String, String> endpoint) {
        return new Provider.Connection(Map.of("apiKey", "secret-key", "pod", pod), endpoint, Map.of());
    }
}
