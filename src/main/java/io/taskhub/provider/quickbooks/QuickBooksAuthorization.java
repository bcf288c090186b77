package io.taskhub.provider.quickbooks;

import java.util.Map;
import java.util.regex.Pattern;

import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.oauth.AuthorizationFlow;
import io.taskhub.provider.oauth.TokenEndpoint;
import org.springframework.stereotype.Component;

/**
 * Intuit's sign-in: no PKCE (the state and the client secret protect the code); the company the user chose comes
 * back in the callback as {@code realmId}.
 */
@Component
public class QuickBooksAuthorization implements AuthorizationFlow {

    private static final Pattern REALM_ID = Pattern.compile("[0-9]{1,32}");

    private final QuickBooksCalls calls;
    private final String authorizeUrl;

    public QuickBooksAuthorization(QuickBooksCalls calls, QuickBooksProperties properties) {
        this.calls = calls;
        this.authorizeUrl = properties.authorizeUrl();
    }

    @Override
    public String provider() {
        return "quickbooks";
    }

    @Override
    public String scopes() {
        return "com.intuit.quickbooks.accounting";
    }

    @Override
    public String authorizeUrl(Map<String, String> endpoint) {
        return connection(endpoint).endpoint("authorizeUrl", authorizeUrl);
    }

    @Override
    public TokenEndpoint tokenEndpoint(Map<String, String> endpoint) {
        return calls.tokenEndpoint(connection(endpoint));
    }

    @Override
    public boolean pkce() {
        return false;
    }

    @Override
    public Map<String, String> callbackCredentials(Map<String, String> parameters) {
        String realmId = parameters.get("realmId");
        if (realmId == null || !REALM_ID.matcher(realmId).matches()) {
            throw new ProviderRejection("QuickBooks named no company (realmId) in its answer");
        }
        return Map.of("realmId", realmId);
    }

    private static Provider.Connection connection(Map<String, String> endpoint) {
        return new Provider.Connection(Map.of(), endpoint, Map.of());
    }
}
