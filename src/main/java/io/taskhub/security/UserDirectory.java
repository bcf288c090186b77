package io.taskhub.security;

import java.util.List;
import java.util.Optional;

import io.taskhub.model.Account;
import io.taskhub.model.Role;
import io.taskhub.model.User;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** Accounts and their users. Passwords are stored as bcrypt hashes only. */
@Repository
public class UserDirectory {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final VerifiedCredentials verifiedCredentials;

    public UserDirectory(JdbcTemplate jdbc, PasswordEncoder encoder, VerifiedCredentials verifiedCredentials) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.verifiedCredentials = verifiedCredentials;
    }

    public Account createAccount(String name) {
        long id = jdbc.queryForObject("insert into account (name) values (?) returning id", Long.class, name);
        return new Account(id, name);
    }

    public List<Account> accounts() {
        return jdbc.query("select id, name from account order by id", (rs, i) -> new Account(rs.getLong(1),
                rs.getString(2)));
    }

    /** Whether this login may still administer the account: one of its administrators, or the operator. */
    public boolean mayAdminister(long accountId, String login) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from hub_user where lower(login) = lower(?)
                               and (role = 'OPERATOR' or (account_id = ? and role = 'ADMINISTRATOR')))""",
                Boolean.class, login, accountId));
    }

    public boolean accountExists(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from account where id = ?)",
                Boolean.class, id));
    }

    /** @return empty if the email is taken (users are identified by email across the hub) */
    public Optional<User> createUser(long accountId, String email, String name, Role role, String password) {
        try {
            jdbc.update("insert into hub_user (account_id, login, name, role, password_hash) values (?, ?, ?, ?, ?)",
                    accountId, email, name, role.name(), encoder.encode(password));
            return Optional.of(new User(email, name, role));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public List<User> users(long accountId) {
        return jdbc.query("select login, name, role from hub_user where account_id = ? order by lower(login)",
                (rs, i) -> new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))), accountId);
    }

    public Optional<User> user(long accountId, String email) {
        return jdbc.query("select login, name, role from hub_user where account_id = ? and lower(login) = lower(?)",
                (rs, i) -> new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))),
                accountId, email).stream().findFirst();
    }

    /**
     * Whether this user is the account's one administrator. Locks the account's administrators until the
     * transaction ends, so that two of them removing each other at once cannot both pass this check.
     */
    public boolean isLastAdministrator(long accountId, String email) {
        List<Boolean> administrators = jdbc.queryForList("""
                select lower(login) = lower(?) from hub_user where account_id = ? and role = 'ADMINISTRATOR'
                for update""", Boolean.class, email, accountId);
        return administrators.size() == 1 && administrators.get(0);
    }

    public boolean deleteUser(long accountId, String email) {
        verifiedCredentials.forget(email);
        return jdbc.update("delete from hub_user where account_id = ? and lower(login) = lower(?)", accountId,
                email) == 1;
    }
}
