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
    void theBudgetGoesAtOnceAndTheRestWaitsSoThatNoMinuteHoldsMoreThanTheLimit() {
        CallBudget xero = new CallBudget(60);
        List<Long> sent = new ArrayList<>();
        // 200 callers arriving together, each sending when told
        for (int i = 0; i < 200; i++) {
            sent.add(xero.reserve(0));
        }
        assertThat(sent.subList(0, 60)).containsOnly(0L);
        assertThat(sent.get(60)).isGreaterThan(MINUTE);
        assertThat(mostInAnyMinute(sent)).isLessThanOrEqualTo(60);
        // and no slower than needed: the last of 200 in the fourth minute, each minute with its margin of a second
        assertThat(sent.get(199)).isLessThanOrEqualTo(3 * (MINUTE + SECOND));
    }

    @Test
    void aLargeBudgetIsKeptInShareOfAMinuteAndStillHoldsEveryMinute() {
        CallBudget quickbooks = new CallBudget(500);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sent.add(quickbooks.reserve(0));
        }
        assertThat(sent.subList(0, CallBudget.REMEMBERED)).containsOnly(0L);
        assertThat(mostInAnyMinute(sent)).isLessThanOrEqualTo(500);
        assertThat(mostInAnyMinute(sent)).isGreaterThan(400); // the margin costs a little, not half
    }

    @Test
    void callsSpreadOutAreNeverMadeToWait() {
        CallBudget budget = new CallBudget(60);
        for (long t = 0; t < 10 * MINUTE; t += SECOND * 102 / 100) { // 60 a minute less the margin
            assertThat(budget.reserve(t)).isZero();
        }
    }

    @Test
    void aBusyMinuteIsFollowedByTheWaitItNeeds() {
        CallBudget tiny = new CallBudget(2);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(i * SECOND + tiny.reserve(i * SECOND));
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
