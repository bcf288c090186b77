package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A tenant's per-minute budget, on a clock the test moves: callers that waited as told never overrun a minute. */
class CallBudgetTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    @Test
    void aBurstGoesAtOnceThenCallsAreSpreadSoThatNoMinuteHoldsMoreThanTheLimit() {
        CallBudget xero = new CallBudget(60, 5, 0);
        List<Long> sent = new ArrayList<>();
        // 200 callers arriving together, each sending when told
        for (int i = 0; i < 200; i++) {
            sent.add(xero.reserve(0));
        }
        assertThat(sent.subList(0, 5)).containsOnly(0L);
        assertThat(sent.get(5)).isPositive();
        assertThat(mostInAnyMinute(sent)).isLessThanOrEqualTo(60);
        // and no slower than needed: the last of 200 within 200 / 55 a minute
        assertThat(sent.get(199)).isLessThan((long) (MINUTE * 195.0 / 55) + SECOND);
    }

    @Test
    void callsSpreadOutAreNeverMadeToWaitAndAnIdleTenantGetsItsBurstBack() {
        CallBudget budget = new CallBudget(60, 5, 0);
        for (long t = 0; t < 10 * MINUTE; t += 2 * SECOND) {
            assertThat(budget.reserve(t)).isZero();
        }
        long later = 11 * MINUTE;
        for (int i = 0; i < 5; i++) {
            assertThat(budget.reserve(later)).isZero();
        }
        assertThat(budget.reserve(later)).isPositive();
    }

    @Test
    void aSmallLimitStillLeavesRoomToRefill() {
        CallBudget tiny = new CallBudget(2, 5, 0);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(tiny.reserve(0));
        }
        assertThat(mostInAnyMinute(sent)).isLessThanOrEqualTo(2);
    }

    /** The most sends in any window of one minute, (t - 1 min, t]. */
    private static int mostInAnyMinute(List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        int most = 0;
        for (int end = 0, start = 0; end < sorted.size(); end++) {
            while (sorted.get(start) <= sorted.get(end) - MINUTE) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }
}
