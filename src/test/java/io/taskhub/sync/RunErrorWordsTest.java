package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;

import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessResourceFailureException;
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
    void theDatabasesRefusalIsItsReasonNotItsStatement() {
        ServerErrorMessage server = new ServerErrorMessage("SERROR\0C22021\0Minvalid byte sequence for encoding "
                + "\"UTF8\": 0x00\0Wunnamed portal parameter $6\0");
        RuntimeException refused = new DataIntegrityViolationException("PreparedStatementCallback; bad SQL "
                + "[with lease as (...)]", new PSQLException(server));
        assertThat(SyncRuns.describe(refused, "Xero")).isEqualTo("the hub's database refused what the run read: "
                + "invalid byte sequence for encoding \"UTF8\": 0x00");
        assertThat(SyncRuns.describe(new DataAccessResourceFailureException("Failed to obtain JDBC Connection"),
                "Xero")).isEqualTo("the hub's database could not be reached (the hub's log has the details)");
    }
}
