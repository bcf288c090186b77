package io.taskhub.provider.oauth;

import io.taskhub.sync.FreshRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The step before every call to an OAuth provider whose route opened an {@link OAuthSession}: the Bearer token
 * (refreshed, rotated and stored first when due, see {@link OAuthTokens}) and the session's headers, on a message
 * cleared of everything else.
 */
@Component("bearerAuthorization")
public class BearerAuthorization {

    private final OAuthTokens tokens;

    public BearerAuthorization(OAuthTokens tokens) {
        this.tokens = tokens;
    }

    /** Nothing of a previous answer, or of whoever sent the exchange, travels to the provider. */
    public void authorize(Exchange exchange) {
        OAuthSession session = OAuthSession.of(exchange);
        String accessToken = tokens.accessToken(session.integrationId(), session.tokenEndpoint());
        Message message = exchange.getIn();
        FreshRequest.clear(message);
        message.setHeader("Authorization", "Bearer " + accessToken);
        message.setHeader("Accept", "application/json");
        session.headers().forEach(message::setHeader);
    }

    /** The provider refused the stored access token before its time: the next call gets a fresh one. */
    public void discardAccessToken(Exchange exchange) {
        tokens.discardAccessToken(OAuthSession.of(exchange).integrationId());
    }
}
