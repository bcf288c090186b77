package io.taskhub.sandbox.salesforce;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceIdsAndDateTimesTest {

    @Test
    void idsCarrySalesforceCaseSafetySuffixAndSortByCounter() {
        assertThat(SalesforceIds.canonical("001000000000001")).isEqualTo("001000000000001AAA");
        // every 5-char block with one capital letter at its first position maps to 'B'
        assertThat(SalesforceIds.canonical("A0000A0000A0000")).isEqualTo("A0000A0000A0000BBB");
        String small = SalesforceIds.of("006", 9);
        String big = SalesforceIds.of("006", 10);
        assertThat(small).hasSize(18).isLessThan(big);
        assertThat(SalesforceIds.canonical(small.substring(0, 15))).isEqualTo(small);
        assertThat(SalesforceIds.counterOf(big, "006")).isEqualTo(10);
        assertThat(SalesforceIds.counterOf(big, "500")).isEqualTo(-1);
    }

    @Test
    void formatsLikeSalesforce() {
        long millis = Instant.parse("2026-11-20T09:15:02.007Z").toEpochMilli();
        assertThat(SalesforceDateTimes.format(millis)).isEqualTo("2026-11-20T09:15:02.007+0000");
        assertThat(SalesforceDateTimes.parseLiteral("2026-11-20T09:15:02.007+0000")).isEqualTo(millis);
        assertThat(SalesforceDateTimes.format(0)).isEqualTo("1970-01-01T00:00:00.000+0000");
    }
}
