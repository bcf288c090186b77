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
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("since", "2026-11-20 09:00:00");
        parameters.put("q", "a+b&c");
        OffsetRequest first = OffsetRequest.first("/items", parameters, "offset", "limit", 50);
        assertThat(first.query()).isEqualTo("since=2026-11-20%2009%3A00%3A00&q=a%2Bb%26c&offset=0&limit=50");
        assertThat(OffsetRequest.first("/items", Map.of(), "start", "count", 10).query()).isEqualTo("start=0&count=10");

        parameters.put("later", "ignored");
        assertThat(first.query()).as("the request keeps its own copy").doesNotContain("later");
    }

    @Test
    void onlyAFullPageIsFollowedByTheNextOne() {
        OffsetRequest first = OffsetRequest.first("/items", Map.of(), "skip", "top", 3);
        assertThat(first.after(3)).isEqualTo(new OffsetRequest("/items", Map.of(), "skip", 3, "top", 3));
        assertThat(first.after(3).after(4).offset()).isEqualTo(6);
        assertThat(first.after(2)).as("a short page is the last").isNull();
        assertThat(first.after(0)).isNull();
        assertThatThrownBy(() -> OffsetRequest.first("/items", Map.of(), "skip", "top", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAndPathSegmentsAreEncodedWithASpaceAsPercent20() {
        assertThat(HttpPages.encoded("a b/c")).isEqualTo("a%20b%2Fc");
    }
}
