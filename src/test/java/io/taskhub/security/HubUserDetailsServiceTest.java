package io.taskhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskhub.support.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Logins as a Basic header may spell them, against the real user table. */
@HubTest
class HubUserDetailsServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLoginWithControlCharactersIsNoUserAndNeverReachesTheDatabase() {
        HubUserDetailsService users = new HubUserDetailsService(jdbc);

        assertThat(users.loadUserByUsername("OPERATOR").login()).isEqualTo("operator");
        for (String login : new String[] {"operator\u0000", "\u0000", "oper\u001bator", "operator\u007f"}) {
            assertThatThrownBy(() -> users.loadUserByUsername(login)).as(login)
                    .isInstanceOf(UsernameNotFoundException.class);
        }
    }
}
