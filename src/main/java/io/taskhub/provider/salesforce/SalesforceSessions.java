package io.taskhub.provider.salesforce;

import java.util.function.Consumer;

import io.taskhub.config.HttpProperties;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.provider.oauth.RefreshTokenComponents;
import io.taskhub.provider.oauth.RefreshTokenRotation;
import io.taskhub.provider.oauth.TokenSet;
import io.taskhub.security.EndpointPolicy;
import io.taskhub.sync.Causes;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.SalesforceLoginConfig;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.springframework.stereotype.Component;

/**
 * The Salesforce login: one camel-salesforce component per connected org, kept between runs (at most
 * {@code hub.salesforce.kept-sessions} idle ones). The component holds the org's session and renews it on a 401;
 * each login's rotated refresh token is stored before the login goes on.
 */
@Component("salesforceSessions")
public class SalesforceSessions extends RefreshTokenComponents<SalesforceComponent> {

    /** Room for one CSV row of a Bulk result: the selected fields take 150 to 300 bytes. */
    private static final int BULK_ROW_BYTES = 1024;

    private final CamelContext camel;
    private final SalesforceProperties properties;
    private final HttpProperties http;
    private final EndpointPolicy hosts;

    public SalesforceSessions(CamelContext camel, SalesforceProperties properties, HttpProperties http,
                              RefreshTokenRotation rotation, EndpointPolicy hosts) {
        super("salesforce", properties.keptSessions(), camel, rotation);
        this.camel = camel;
        this.properties = properties;
        this.http = http;
        this.hosts = hosts;
    }

    @Override
    protected String authorizationServer(Provider.Connection connection) {
        return connection.endpoint("loginUrl", properties.loginUrl());
    }

    /**
     * A refusal of the credentials (400, 401) needs new ones; anything else is an outage, which needs nothing but
     * time. Neither repeats what the login URL answered: it could be any server's words.
     */
    @Override
    protected RuntimeException loginFailed(RuntimeException e) {
        SalesforceException failure = Causes.find(e, SalesforceException.class);
        if (failure != null && (failure.getStatusCode() == 400 || failure.getStatusCode() == 401)) {
            return new ProviderRejection("Salesforce refused the login: check the client id, secret and refresh "
                    + "token", e);
        }
        return new ProviderUnavailable("Salesforce could not be reached at the login URL, or answered what the hub "
                + "cannot read", e);
    }

    @Override
    protected SalesforceComponent create(Provider.Connection connection, String refreshToken,
                                         Consumer<String> rotated) {
        SalesforceLoginConfig login = new SalesforceLoginConfig();
        login.setType(AuthenticationType.REFRESH_TOKEN);
        login.setLoginUrl(authorizationServer(connection));
        login.setClientId(connection.credential(TokenSet.CLIENT_ID));
        login.setClientSecret(connection.credential(TokenSet.CLIENT_SECRET));
        login.setRefreshToken(refreshToken);
        SalesforceComponent component = new SalesforceComponent();
        component.setLoginConfig(login);
        // the next login presents the rotated token: the used one is dead
        LoginAnswers client = new LoginAnswers(camel, camel.getExecutorServiceManager().newThreadPool(
                component, "SalesforceHttpClient", 1, 4),
                url -> hosts.allows(SalesforceProvider.PUBLIC_DOMAINS, url), fresh -> {
                    login.setRefreshToken(fresh);
                    rotated.accept(fresh);
                });
        // queries come back as raw JSON, mapped by SalesforceMapper: no generated sObject classes to scan for
        component.setPackages(SalesforceSessions.class.getPackageName());
        // the same bounds as every provider call: Jetty's request timeout covers the whole answer
        component.setHttpClientConnectionTimeout(http.connectTimeoutMs());
        component.setHttpClientIdleTimeout(http.readTimeoutMs());
        component.setHttpRequestTimeout(http.responseTimeoutMs());
        // camel-salesforce holds each answer whole: a Bulk results set of bulk-page-size records must fit (a bound,
        // not an allocation; 4 MiB, its default, fits 2,000 REST records)
        component.setHttpMaxContentLength(Math.max(4 << 20, properties.bulkPageSize() * BULK_ROW_BYTES));
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion(properties.apiVersion());
        config.setHttpClient(client);
        component.setConfig(config);
        return component;
    }
}
