package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What PostgreSQL cannot store never reaches it: a NUL in any text or key a provider sends. */
class StorableTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aNulBecomesTheReplacementCharacterAndNothingElseChanges() {
        assertThat(StorableText.of("12\u00003")).isEqualTo("12\uFFFD3");
        assertThat(StorableText.of("plain, \\u0000 as written")).isEqualTo("plain, \\u0000 as written");
        assertThat(StorableText.of(null)).isNull();
    }

    @Test
    void theKeptJsonHasNoNulInItsTextsNorItsKeys() throws Exception {
        JsonNode payload = json.readTree("{\"na\\u0000me\":[\"a\\u0000b\",\"\\\\u0000 as written\"]}");

        String written = StorableText.writer(json).writeValueAsString(Map.of("payload", payload));

        assertThat(written).doesNotContain("\\u0000\"").doesNotContain("\u0000");
        JsonNode read = json.readTree(written).path("payload");
        assertThat(read.path("na\uFFFDme").get(0).asText()).isEqualTo("a\uFFFDb");
        assertThat(read.path("na\uFFFDme").get(1).asText()).isEqualTo("\\u0000 as written");
        assertThat(json.writeValueAsString(payload)).as("the application's own mapper is untouched")
                .contains("\\u0000");
    }
}
