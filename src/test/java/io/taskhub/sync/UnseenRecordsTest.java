package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which unseen records a full reconciliation asks the provider for, in what requests, and which it keeps unasked. */
class UnseenRecordsTest {

    @Test
    void theUnseenAreAskedForInBatchesUpToTheCap() {
        UnseenRecords.Candidates candidates = UnseenRecords.candidates(List.of("1", "2", "3", "4", "5"), id -> true,
                4, 3);

        assertThat(candidates.requests()).containsExactly(List.of("1", "2", "3"), List.of("4"));
        assertThat(candidates.kept()).as("beyond the cap: for the next reconciliation").containsExactly("5");
        assertThat(candidates.askable()).isEqualTo(5);
    }

    @Test
    void whatTheProviderCannotBeAskedForIsKeptAndLeftOutOfTheCap() {
        UnseenRecords.Candidates candidates = UnseenRecords.candidates(List.of("1", "x", "2", "y", "3"),
                id -> id.matches("[0-9]+"), 2, 1);

        assertThat(candidates.requests()).containsExactly(List.of("1"), List.of("2"));
        assertThat(candidates.kept()).containsExactly("x", "y", "3");
        assertThat(candidates.askable()).isEqualTo(3);
    }

    @Test
    void nothingUnseenAsksNothing() {
        UnseenRecords.Candidates candidates = UnseenRecords.candidates(List.of(), id -> true, 500, 100);

        assertThat(candidates.requests()).isEmpty();
        assertThat(candidates.kept()).isEmpty();
    }
}
