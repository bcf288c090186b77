package io.taskhub.provider.oauth;

import io.taskhub.sync.Causes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * The {@code sync-retry-refused-token} policy of sync-errors, for every OAuth provider: an access token refused
 * before its time, whether the provider's own reading said so ({@link AccessTokenRefused}, QuickBooks) or the call
 * failed with a plain 401 to the Bearer token of the exchange's {@link OAuthSession} (Xero), is discarded and the
 * request sent once more, with a fresh one.
 */
@Component("refusedAccessTokens")
public class RefusedAccessTokens implements Processor {

    private final OAuthTokens tokens;

    public RefusedAccessTokens(OAuthTokens tokens) {
        this.tokens = tokens;
    }

    /** onWhen: the failure is a refused access token. */
    public boolean refused(Exchange exchange) {
        Throwable error = error(exchange);
        if (Causes.find(error, AccessTokenRefused.class) != null) {
            return true;
        }
        HttpOperationFailedException http = Causes.find(error, HttpOperationFailedException.class);
        return http != null && http.getStatusCode() == 401 && OAuthSession.of(exchange) != null;
    }

    /** onRedelivery: the next call gets a fresh token; an {@link AccessTokenRefused}'s thrower discarded it already. */
    @Override
    public void process(Exchange exchange) {
        if (Causes.find(error(exchange), AccessTokenRefused.class) == null) {
            tokens.discardAccessToken(OAuthSession.of(exchange).integrationId());
        }
    }

    /** onWhen sees the failure as the caught exception, not as the exchange's current one. */
    private static Throwable error(Exchange exchange) {
        Throwable current = exchange.getException();
        return current != null ? current : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
