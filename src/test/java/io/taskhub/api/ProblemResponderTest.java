package io.taskhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.BadSqlGrammarException;

/** What a request that failed inside the hub answers: an outage is a 503 to try again, a fault of ours a bare 500. */
class ProblemResponderTest {

    @Test
    void aDatabaseThatCannotBeReachedIsA503SayingSo() {
        RuntimeException outage = new CamelExecutionException("in a route", null, new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException("hub-db - timed out")));
        Problem problem = ProblemResponder.toProblem(outage);
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).isEqualTo("the hub's database cannot be reached: try again shortly");
    }

    @Test
    void aStatementTheDatabaseRefusesStaysA500ThatSaysNothingOfIt() {
        Problem problem = ProblemResponder.toProblem(new BadSqlGrammarException("select", "select nope",
                new java.sql.SQLException("relation \"nope\" does not exist")));
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("nope");
    }
}
