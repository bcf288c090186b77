package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A refused credential in the provider's own words (Insightly's, recorded), else its status. */
class RefusedCredentialsTest {

    @Test
    void refusalsCarryInsightlysOwnWords() {
        ObjectMapper json = new ObjectMapper();
        assertThat(RefusedCredentials.refused(401)).isTrue();
        assertThat(RefusedCredentials.refused(429)).isFalse();
        assertThat(RefusedCredentials.reason(401, "{\"Message\":\"Authorization has been denied for this request.\"}",
                json)).isEqualTo("Authorization has been denied for this request.");
        assertThat(RefusedCredentials.reason(404, "<html>Not Found</html>", json)).isEqualTo("HTTP 404");
    }
}
