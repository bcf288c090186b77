package io.taskhub.security;

import java.util.Collection;
import java.util.List;

import io.taskhub.model.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in user: the operator (no account) or a user of one account, identified by email. */
public record HubPrincipal(long userId, Long accountId, String login, Role role, String passwordHash)
        implements UserDetails {

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether this principal may see the account at all; others get 404 for everything in it. */
    public boolean canSee(long account) {
        return isOperator() || (accountId != null && accountId == account);
    }

    public boolean canAdminister(long account) {
        return isOperator() || (canSee(account) && role == Role.ADMINISTRATOR);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public String toString() {
        return "HubPrincipal[" + login + ", " + role + ", account " + accountId + "]";
    }
}
