package io.taskhub.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantBudgetsTest {

    @Test
    void aTenantOverItsMinuteWaitsUntilItsOldestCallIsAMinuteOldAndOthersAreServed() {
        TenantBudgets budgets = new TenantBudgets(new Rationing(Duration.ZERO, 0, 2, 0));
        assertThat(budgets.admit("a", 0)).isNull();
        assertThat(budgets.admit("a", 10_000)).isNull();

        assertThat(budgets.admit("a", 20_500)).isEqualTo(new Refusal(Refusal.Limit.PER_MINUTE, 40));
        assertThat(budgets.admit("b", 20_500)).isNull();
        assertThat(budgets.admit("a", 60_000)).isNull();
        assertThat(budgets.admit("a", 61_000)).isEqualTo(new Refusal(Refusal.Limit.PER_MINUTE, 9));
    }

    @Test
    void callsInFlightBeyondTheLimitAreRefusedUntilOneIsAnswered() {
        TenantBudgets budgets = new TenantBudgets(new Rationing(Duration.ofMillis(1500), 0.2, 0, 2));
        assertThat(budgets.admit("a", 0)).isNull();
        assertThat(budgets.admit("a", 0)).isNull();

        assertThat(budgets.admit("a", 0)).isEqualTo(new Refusal(Refusal.Limit.AT_ONCE, 2));
        assertThat(budgets.admit("b", 0)).isNull();
        budgets.release("a");
        assertThat(budgets.admit("a", 0)).isNull();
    }

    @Test
    void providerLimitsAsPublished() {
        assertThat(Rationing.none().limits()).isFalse();
        assertThat(Rationing.xero()).isEqualTo(new Rationing(Duration.ZERO, 0, 60, 5));
        assertThat(Rationing.quickbooks().withLatency(Duration.ofMillis(300), 0.5))
                .isEqualTo(new Rationing(Duration.ofMillis(300), 0.5, 500, 10));
        assertThatThrownBy(() -> new Rationing(Duration.ZERO, 1.5, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
