package io.taskhub.provider.insightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.sync.OffsetRequest;
import org.junit.jupiter.api.Test;

/** Addressing Insightly: pod URLs, HTTP Basic with the key, paged requests. */
class InsightlyApiTest {

    private static final String TEMPLATE = "https://api.{pod}.insightly.com/v3.1";

    @Test
    void thePodPicksTheBaseUrlUnlessTheEndpointOverridesIt() {
        assertThat(pages(500, true).baseUrl(connection("NA1", Map.of())))
                .isEqualTo("https://api.na1.insightly.com/v3.1");
        assertThat(pages(500, true).baseUrl(connection("na1", Map.of("baseUrl", "http://localhost:9/v3.1"))))
                .isEqualTo("http://localhost:9/v3.1");
        assertThatThrownBy(() -> pages(500, true).baseUrl(connection("evil.example/x?", Map.of())))
                .isInstanceOf(ProviderRejection.class).hasMessageContaining("pod");
    }

    @Test
    void theApiKeyIsTheBasicUserNameWithAnEmptyPassword() {
        String header = pages(500, true).authorization(connection("na1", Map.of()));
        assertThat(header).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8))
                .isEqualTo("secret-key:");
    }

    @Test
    void requestsPageWithSkipAndTopAndSearchWithAnEncodedTime() {
        OffsetRequest all = pages(500, true).first("contacts", null);
        assertThat(all.path()).isEqualTo("/Contacts");
        assertThat(all.query()).isEqualTo("brief=true&skip=0&top=500");
        assertThat(all.next().next().query()).isEqualTo("brief=true&skip=1000&top=500");
        assertThat(all.after(500)).isNotNull();
        assertThat(all.after(499)).isNull();

        OffsetRequest changed = pages(100, false).first("tasks", Instant.parse("2024-07-05T12:55:00Z"));
        assertThat(changed.path()).isEqualTo("/Tasks/Search");
        assertThat(changed.query()).isEqualTo("updated_after_utc=2024-07-05%2012%3A55%3A00&skip=0&top=100");
        assertThat(pages(500, true).users().first().query()).isEqualTo("skip=0&top=500");
    }

    private static InsightlyPages pages(int pageSize, boolean brief) {
        return new InsightlyPages(new InsightlyProperties(TEMPLATE, pageSize, Duration.ofMinutes(5),
                "yyyy-MM-dd HH:mm:ss", brief, Set.of("WON"), Set.of("COMPLETED")));
    }

    private static Provider.Connection connection(String pod, Map<String, String> endpoint) {
        return new Provider.Connection(Map.of("apiKey", "secret-key", "pod", pod), endpoint, Map.of());
    }
}
