package io.taskhub.api;

import java.util.List;

import io.taskhub.model.Account;
import io.taskhub.security.UserDirectory;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** {@code /api/accounts}: the operator's business. */
@Component("accountsApi")
public class AccountsApi {

    private final UserDirectory directory;

    public AccountsApi(UserDirectory directory) {
        this.directory = directory;
    }

    public Account create(@Body Requests.NewAccount body, Exchange exchange) {
        return Http.created(exchange, directory.createAccount(Check.text("name", Check.body(body).name())));
    }

    public List<Account> list() {
        return directory.accounts();
    }
}
