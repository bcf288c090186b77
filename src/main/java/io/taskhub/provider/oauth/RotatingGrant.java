package io.taskhub.provider.oauth;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.taskhub.provider.Provider;

/**
 * The grant a kept session logged in with, when its refresh token may rotate at every login: a run whose stored
 * credentials hold any of the refresh tokens the session had, with the same client and endpoints, is the same grant
 * and needs no new login.
 */
public final class RotatingGrant {

    private final int clientHash;
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private String latest;

    /** Logged in with the connection's client and {@code refreshToken}. */
    public RotatingGrant(Provider.Connection connection, String refreshToken) {
        this.clientHash = clientHash(connection);
        this.latest = refreshToken;
        refreshTokens.add(refreshToken);
    }

    private static int clientHash(Provider.Connection connection) {
        return Objects.hash(connection.credential(TokenSet.CLIENT_ID), connection.credential(TokenSet.CLIENT_SECRET),
                connection.endpoint());
    }

    /** A login was answered {@code fresh}; answers the refresh token that login spent. */
    public synchronized String rotated(String fresh) {
        String spent = latest;
        latest = fresh;
        refreshTokens.add(fresh);
        return spent;
    }

    public boolean presentedBy(Provider.Connection connection) {
        return clientHash == clientHash(connection)
                && refreshTokens.contains(connection.credential(TokenSet.REFRESH_TOKEN));
    }
}
