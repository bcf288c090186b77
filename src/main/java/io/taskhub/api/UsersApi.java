package io.taskhub.api;

import java.util.List;

import io.taskhub.model.Role;
import io.taskhub.model.User;
import io.taskhub.security.Caller;
import io.taskhub.security.UserDirectory;
import io.taskhub.sync.IntegrationLifecycle;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@code /api/accounts/{acc}/users}. */
@Component("usersApi")
public class UsersApi {

    /** The roles of an account's users; the OPERATOR is no user of an account. */
    static final List<Role> ROLES = List.of(Role.ADMINISTRATOR, Role.REGULAR);

    private final UserDirectory directory;
    private final IntegrationLifecycle lifecycle;

    public UsersApi(UserDirectory directory, IntegrationLifecycle lifecycle) {
        this.directory = directory;
        this.lifecycle = lifecycle;
    }

    @Transactional
    public User create(@Header("acc") String acc, @Body Requests.NewUser body, Exchange exchange) {
        long account = Accounts.existing(directory, acc);
        Check.body(body);
        String email = Check.email("email", body.email());
        Role role = Check.oneOf("role", body.role(), ROLES);
        String password = Check.password("password", body.password());
        String name = body.name() == null || body.name().isBlank() ? email : Check.text("name", body.name());
        User user = directory.createUser(account, email, name, role, password)
                .orElseThrow(() -> ApiProblem.conflict("a user with email " + email + " exists already"));
        lifecycle.usersChanged(account);
        return Http.created(exchange, user);
    }

    public List<User> list(@Header("acc") String acc) {
        return directory.users(Accounts.existing(directory, acc));
    }

    /**
     * The integrations the user enabled stop syncing until an administrator re-enables them. An administrator cannot
     * remove the account's last one (an account nobody of its own can manage would need the operator for every
     * change); the operator, who manages every account, can (CONTRACT: a user's removal is the operator's too).
     */
    @Transactional
    public void delete(@Header("acc") String acc, @Header("email") String email, Exchange exchange) {
        long account = Accounts.existing(directory, acc);
        if (!Caller.of(exchange).isOperator() && directory.isLastAdministrator(account, email)) {
            throw ApiProblem.conflict("an account keeps at least one administrator: add another before removing "
                    + email);
        }
        if (!directory.deleteUser(account, email)) {
            throw ApiProblem.notFound("no user " + email + " in this account");
        }
        lifecycle.ownerRemoved(account, email);
        lifecycle.usersChanged(account);
        Http.noContent(exchange);
    }
}
