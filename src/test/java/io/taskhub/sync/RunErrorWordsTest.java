package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;

import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** What a failed run says to the client who reads it: whose fault, in the hub's words, no SQL. */
class RunErrorWordsTest {

    @Test
    void aCallThatGotNoAnswerNamesTheProvider() {
        RuntimeException hang = new CamelExecutionException("in a route", null,
                new SocketTimeoutException("Read timed out"));
        assertThat(SyncRuns.describe(hang, "Insightly")).isEqualTo("Insightly did not answer in time (Read timed out)");
    }

    @Test
    void theDatabasesRefusalIsTheHubsNotItsStatement() {
        RuntimeException refused = new DataIntegrityViolationException("PreparedStatementCallback; ERROR: invalid "
                + "byte sequence for encoding \"UTF8\": 0x00  Where: unnamed portal parameter $6");
        assertThat(SyncRuns.describe(refused, "Xero")).startsWith("the hub could not store what it read")
                .doesNotContain("PreparedStatement").doesNotContain("portal");
    }
}
