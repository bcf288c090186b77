package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Offset pages under the names an API gives them: parameters in order and encoded, then offset and size. */
class OffsetRequestTest {

    @Test
    void theQueryKeepsItsParametersInOrderThenTheOffsetAndTheSize() {
        OffsetRequest plain = OffsetRequest.first("/items", "offset", "limit", 50);
        OffsetRequest first = plain.with("since", "2026-11-20 09:00:00").with("q", "a+b&c");
        assertThat(first.query()).isEqualTo("since=2026-11-20%2009%3A00%3A00&q=a%2Bb%26c&offset=0&limit=50");
        assertThat(plain.query()).as("with answers a new request").isEqualTo("offset=0&limit=50");
        assertThat(first.next().query()).endsWith("&q=a%2Bb%26c&offset=50&limit=50");

        Map<String, String> parameters = new LinkedHashMap<>(Map.of("a", "1"));
        OffsetRequest copied = new OffsetRequest("/items", parameters, "skip", 0, "top", 5);
        parameters.put("later", "ignored");
        assertThat(copied.query()).as("the request keeps its own copy").isEqualTo("a=1&skip=0&top=5");
    }

    @Test
    void onlyAFullPageIsFollowedByTheNextOne() {
        OffsetRequest first = OffsetRequest.first("/items", "skip", "top", 3);
        assertThat(first.after(3)).isEqualTo(new OffsetRequest("/items", Map.of(), "skip", 3, "top", 3));
        assertThat(first.after(3).after(4).offset()).isEqualTo(6);
        assertThat(first.after(2)).as("a short page is the last").isNull();
        assertThat(first.after(0)).isNull();
        assertThatThrownBy(() -> OffsetRequest.first("/items", "skip", "top", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAndPathSegmentsAreEncodedWithASpaceAsPercent20() {
        assertThat(HttpPages.encoded("a b/c")).isEqualTo("a%20b%2Fc");
    }
}
