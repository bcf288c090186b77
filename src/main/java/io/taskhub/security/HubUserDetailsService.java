package io.taskhub.security;

import io.taskhub.api.InputLimits;
import io.taskhub.model.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Looks users up by login (email, or the operator's user name), case-insensitively: the source of the bcrypt check
 * behind {@link VerifiedCredentials}. PostgreSQL cannot even compare a text holding NUL.
 */
class HubUserDetailsService implements UserDetailsService {

    private final JdbcTemplate jdbc;

    HubUserDetailsService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A login with control characters is no user's (logins are checked for them when stored), nor asked about. */
    @Override
    public HubPrincipal loadUserByUsername(String login) {
        if (InputLimits.hasControl(login)) {
            throw new UsernameNotFoundException("no such user");
        }
        return jdbc.query("select id, account_id, login, role, password_hash from hub_user where lower(login) = lower(?)",
                        (rs, i) -> new HubPrincipal(rs.getLong("id"), (Long) rs.getObject("account_id"),
                                rs.getString("login"), Role.valueOf(rs.getString("role")),
                                rs.getString("password_hash")),
                        login)
                .stream().findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
