package io.taskhub.provider.oauth;

import io.taskhub.provider.ProviderRejection;

/**
 * The provider refused an access token before its time, and it was discarded ({@link OAuthTokens}): the request is
 * worth sending once more with a fresh one (sync-errors does, as a caller does), and refused again it is what it says.
 */
public class AccessTokenRefused extends ProviderRejection {

    public AccessTokenRefused(String message) {
        super(message);
    }
}
