package io.taskhub.provider.salesforce;

import java.util.List;
import java.util.Map;

import io.taskhub.provider.Provider;
import io.taskhub.provider.oauth.GrantRevocation;
import org.springframework.stereotype.Component;

/** Salesforce: opportunities and cases, through camel-salesforce with the refresh-token flow. */
@Component
public class SalesforceProvider implements Provider {

    /** Its logins, instances ({@code *.my.salesforce.com}) and sandboxes ({@code *.sandbox.my.salesforce.com}). */
    static final List<String> PUBLIC_DOMAINS = List.of("salesforce.com", "force.com");

    private final SalesforceSessions sessions;
    private final SalesforceAuthorization authorization;
    private final GrantRevocation revocation;

    private final SalesforceCounts counts;

    public SalesforceProvider(SalesforceSessions sessions, SalesforceAuthorization authorization,
                              GrantRevocation revocation, SalesforceCounts counts) {
        this.sessions = sessions;
        this.counts = counts;
        this.authorization = authorization;
        this.revocation = revocation;
    }

    @Override
    public String id() {
        return "salesforce";
    }

    @Override
    public String displayName() {
        return "Salesforce";
    }

    @Override
    public List<String> types() {
        return List.of(SalesforceMapper.OPPORTUNITIES, SalesforceMapper.CASES);
    }

    @Override
    public boolean assignsAllUsersToRoot() {
        return true;
    }

    @Override
    public List<String> endpointFields() {
        return List.of("loginUrl");
    }

    @Override
    public List<String> publicDomains() {
        return PUBLIC_DOMAINS;
    }

    /**
     * {@link Provider#pacedTenant}: the integration on its own. The org is known only after the login, and the
     * grant's refresh token may rotate at every login, so neither names the tenant before a run; one grant belongs
     * to one integration.
     */
    @Override
    public String pacedTenant(Connection connection) {
        return null;
    }

    @Override
    public List<String> credentialFields() {
        return List.of("clientId", "clientSecret", "refreshToken");
    }

    @Override
    public void verify(Connection connection) {
        sessions.verify(connection);
    }

    @Override
    public Map<String, Long> countRecords(long integrationId, Connection connection) {
        return counts.count(integrationId, connection);
    }

    @Override
    public boolean revoke(Connection connection) {
        revocation.revoke(authorization.revokeEndpoint(connection.endpoint()), GrantRevocation.Style.FORM, null, null,
                connection.credential("refreshToken"));
        return true;
    }
}
