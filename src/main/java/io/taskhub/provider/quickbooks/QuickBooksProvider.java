package io.taskhub.provider.quickbooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.oauth.GrantRevocation;
import io.taskhub.provider.oauth.OAuthTokens;
import io.taskhub.provider.oauth.TokenSet;
import org.springframework.stereotype.Component;

/**
 * QuickBooks Online: a read copy of a company's customers, invoices, payments and estimates, linked to the account's
 * clients and tasks rather than imported as tasks. OAuth 2.0 with Intuit's rotating refresh tokens
 * ({@link OAuthTokens}).
 */
@Component
public class QuickBooksProvider implements Provider {

    private final OAuthTokens tokens;
    private final QuickBooksCalls calls;

    private final GrantRevocation revocation;
    private final String revokeUrl;

    public QuickBooksProvider(OAuthTokens tokens, QuickBooksCalls calls, GrantRevocation revocation,
                              QuickBooksProperties properties) {
        this.tokens = tokens;
        this.calls = calls;
        this.revocation = revocation;
        this.revokeUrl = properties.revokeUrl();
    }

    @Override
    public String id() {
        return "quickbooks";
    }

    @Override
    public String displayName() {
        return "QuickBooks";
    }

    @Override
    public List<String> types() {
        return List.of("customers", "invoices", "payments", "estimates");
    }

    /** Links need all four: a client's overview is its customer's documents. */
    @Override
    public boolean typesSelectable() {
        return false;
    }

    @Override
    public boolean importsTasks() {
        return false;
    }

    @Override
    public List<String> endpointFields() {
        return List.of("baseUrl", "tokenUrl", "authorizeUrl", "revokeUrl");
    }

    @Override
    public List<String> publicDomains() {
        return List.of("intuit.com");
    }

    @Override
    public List<String> credentialFields() {
        return List.of("clientId", "clientSecret", "refreshToken", "realmId");
    }

    @Override
    public String tenantCredential() {
        return "realmId";
    }

    /**
     * A token refresh, whose rotated refresh token and access token go into what gets stored, then the company's
     * info with that access token: the app must be connected to this very company.
     */
    @Override
    public void verify(Connection connection) {
        QuickBooksCalls.Company company = calls.checking(connection);
        try {
            tokens.refreshForCheck(connection, calls.tokenEndpoint(connection));
            calls.call(company, QuickBooksRequest.get("companyinfo/" + company.realmId(), Map.of()));
        } catch (QuickBooksFault e) {
            throw new ProviderRejection("QuickBooks refused to show company " + company.realmId()
                    + ": is it the company's realm id, connected to this app?");
        }
    }

    /** {@code SELECT COUNT(*)} per entity: customers count the active ones, as the read copy keeps them. */
    @Override
    public Map<String, Long> countRecords(long integrationId, Connection connection) {
        QuickBooksCalls.Company company = calls.company(integrationId, connection);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String type : types()) {
            counts.put(type, calls.call(company, QuickBooksRequest.get("query", Map.of("query",
                    "SELECT COUNT(*) FROM " + QuickBooksMapper.entity(type)))).path("QueryResponse").path("totalCount").asLong());
        }
        return counts;
    }

    /** Intuit's revoke endpoint takes the refresh token as JSON and disconnects the app from the company. */
    @Override
    public boolean revoke(Connection connection) {
        revocation.revoke(GrantRevocation.revokeEndpoint("QuickBooks", connection, revokeUrl),
                GrantRevocation.Style.JSON_WITH_CLIENT, connection.credential(TokenSet.CLIENT_ID),
                connection.credential(TokenSet.CLIENT_SECRET), connection.credential(TokenSet.REFRESH_TOKEN));
        return true;
    }
}
