package io.taskhub.provider.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The query language the hub speaks to QuickBooks: update-time bound, inactive customers included, paging. */
class QueryPageTest {

    @Test
    void customersSinceAnInstantIncludeInactiveOnesAndPageByStartPosition() {
        QueryPage first = QueryPage.first("Customer", Instant.parse("2026-11-20T09:14:02Z"), 1000);
        assertThat(first.text()).isEqualTo("select * from Customer where Metadata.LastUpdatedTime >= "
                + "'2026-11-20T09:14:02+00:00' and Active in (true, false) startposition 1 maxresults 1000");
        assertThat(first.next().text()).endsWith("startposition 1001 maxresults 1000");
        assertThat(first.filledBy(1000)).isTrue();
        assertThat(first.filledBy(999)).isFalse();
    }

    @Test
    void aFullReadOfDocumentsHasNoCondition() {
        assertThat(QueryPage.first("Invoice", null, 500).text())
                .isEqualTo("select * from Invoice startposition 1 maxresults 500");
        assertThat(QueryPage.first("Invoice", null, 500).request().query()).containsKey("query");
    }
}
