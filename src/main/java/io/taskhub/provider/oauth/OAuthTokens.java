package io.taskhub.provider.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.Provider;
import io.taskhub.security.CredentialCipher;
import io.taskhub.sync.IntegrationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access tokens of integrations whose provider rotates refresh tokens (Xero, QuickBooks): each refresh answers a new
 * refresh token and the used one dies. So a refresh only happens while holding the integration's advisory lock (one
 * refresh per integration at a time, on every hub instance), and the new refresh token, the access token and its
 * expiry are stored, sealed, in that same transaction, which commits before the access token is handed out. A
 * database that fails between the provider's answer and the commit would lose the only refresh token that still
 * works: the rotated tokens are then kept in memory and stored again, at once with a few retries and before any
 * later refresh of the integration. Every instance reuses the stored access token until shortly before it expires.
 * Refresh tokens that a provider's own client rotates (camel-salesforce's logins) are stored the same way.
 *
 * <p>Runs in a transaction of its own: a caller must not hold the integration's row lock on another connection.
 */
@Component("oauthTokens")
public class OAuthTokens implements RefreshTokenRotation {

    /** The first key of the advisory locks that serialise one integration's token refreshes (the second: its id). */
    private static final int TOKEN_REFRESH_LOCKS = 0x70A7;
    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokens.class);
    private static final int STORE_ATTEMPTS = 3;
    private static final long STORE_RETRY_DELAY_MS = 200;

    /** A refresh token rotated by a check whose integration was then not stored, kept for a retry of that check. */
    private record Handover(String refreshToken, Instant until) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final IntegrationRepository integrations;
    private final CredentialCipher cipher;
    private final ObjectMapper json;
    private final TokenGrant grant;
    private final OAuthProperties properties;
    private final Map<String, Handover> handovers = new ConcurrentHashMap<>();
    /** Rotated tokens whose commit failed, by integration: the refresh token in the database is already spent. */
    private final Map<Long, Rotation> unsaved = new ConcurrentHashMap<>();

    /** The credentials a refresh answered, and the refresh token it spent. */
    private record Rotation(Map<String, String> fresh, String spent) {

        String refreshToken() {
            return fresh.get(TokenSet.REFRESH_TOKEN);
        }
    }

    public OAuthTokens(JdbcTemplate jdbc, PlatformTransactionManager transactions, IntegrationRepository integrations,
                       CredentialCipher cipher, ObjectMapper json, TokenGrant grant, OAuthProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.integrations = integrations;
        this.cipher = cipher;
        this.json = json;
        this.grant = grant;
        this.properties = properties;
    }

    /**
     * A usable access token of the integration: the stored one while it lasts, else a fresh one whose rotated refresh
     * token is committed before this returns. Throws {@link io.taskhub.provider.ProviderRejection} if the provider
     * refuses the stored refresh token; nothing is changed then.
     */
    public String accessToken(long integrationId, TokenEndpoint endpoint) {
        Rotation pending = unsaved.get(integrationId);
        if (pending != null) {
            storeRotated(integrationId, pending);
        }
        AtomicReference<Rotation> rotated = new AtomicReference<>();
        try {
            return refreshIfDue(integrationId, endpoint, rotated);
        } catch (DataAccessException | TransactionException e) {
            Rotation rotation = rotated.get();
            if (rotation == null) {
                throw e;
            }
            unsaved.put(integrationId, rotation);
            storeRotated(integrationId, rotation);
            return rotation.fresh().get(TokenSet.ACCESS_TOKEN);
        }
    }

    private String refreshIfDue(long integrationId, TokenEndpoint endpoint, AtomicReference<Rotation> rotated) {
        return ownTransaction.execute(status -> {
            byte[] sealed = lockCredentials(integrationId);
            Map<String, String> credentials = open(integrationId, sealed);
            if (TokenSet.storedTokenUsable(credentials, Instant.now(), properties.refreshBeforeExpiry())) {
                return credentials.get(TokenSet.ACCESS_TOKEN);
            }
            TokenSet fresh = grant.refresh(endpoint, credentials.get(TokenSet.CLIENT_ID),
                    credentials.get(TokenSet.CLIENT_SECRET), credentials.get(TokenSet.REFRESH_TOKEN));
            rotated.set(new Rotation(fresh.asCredentials(), credentials.get(TokenSet.REFRESH_TOKEN)));
            credentials.putAll(fresh.asCredentials());
            // credentials an administrator gave meanwhile (a re-enable) win over the ones refreshed here
            integrations.replaceCredentials(integrationId, sealed, seal(integrationId, credentials));
            return fresh.accessToken();
        });
    }

    /**
     * Stores rotated tokens whose first commit failed, trying a few times; until it works they stay in memory, and
     * the integration's next refresh starts from them, not from the spent refresh token in the database.
     */
    private void storeRotated(long integrationId, Rotation rotation) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < STORE_ATTEMPTS; attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> {
                    byte[] sealed = lockCredentials(integrationId);
                    Map<String, String> credentials = open(integrationId, sealed);
                    // credentials re-enabled meanwhile hold another refresh token: they win
                    if (rotation.spent().equals(credentials.get(TokenSet.REFRESH_TOKEN))) {
                        credentials.putAll(rotation.fresh());
                        integrations.replaceCredentials(integrationId, sealed, seal(integrationId, credentials));
                    }
                });
                unsaved.remove(integrationId, rotation);
                return;
            } catch (DataAccessException | TransactionException e) {
                last = e;
                pause(STORE_RETRY_DELAY_MS * (attempt + 1));
            }
        }
        throw last;
    }

    @Override
    public String current(long integrationId, String stored) {
        Rotation pending = unsaved.get(integrationId);
        if (pending == null || !pending.spent().equals(stored)) {
            return stored;
        }
        storeQuietly(integrationId, pending);
        return pending.refreshToken();
    }

    /** Kept in memory first: a rotation that cannot be stored now is stored again before the next login. */
    @Override
    public void rotated(long integrationId, String spent, String fresh) {
        Rotation rotation = unsaved.merge(integrationId, new Rotation(Map.of(TokenSet.REFRESH_TOKEN, fresh), spent),
                // a second rotation before the first was stored: the stored token is still the first one's spent
                (earlier, later) -> earlier.refreshToken().equals(later.spent())
                        ? new Rotation(later.fresh(), earlier.spent()) : later);
        storeQuietly(integrationId, rotation);
    }

    private void storeQuietly(long integrationId, Rotation rotation) {
        try {
            storeRotated(integrationId, rotation);
        } catch (DataAccessException | TransactionException e) {
            LOG.warn("integration {}: a rotated refresh token is kept in memory until the database takes it: {}",
                    integrationId, e.getMessage());
        }
    }

    @Override
    public String handedOver(String tokenUrl, String clientId, String presented) {
        Handover earlier = handovers.remove(handoverKey(tokenUrl, clientId, presented));
        return earlier != null && earlier.until().isAfter(Instant.now()) ? earlier.refreshToken() : presented;
    }

    @Override
    public void handOver(String tokenUrl, String clientId, String presented, String successor) {
        handovers.values().removeIf(handover -> handover.until().isBefore(Instant.now()));
        handovers.put(handoverKey(tokenUrl, clientId, presented),
                new Handover(successor, Instant.now().plus(properties.handover())));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The provider refused the stored access token before its time: the next call gets a fresh one. */
    public void discardAccessToken(long integrationId) {
        ownTransaction.executeWithoutResult(status -> {
            byte[] sealed = lockCredentials(integrationId);
            Map<String, String> credentials = open(integrationId, sealed);
            credentials.remove(TokenSet.ACCESS_TOKEN);
            credentials.remove(TokenSet.EXPIRES_AT);
            integrations.replaceCredentials(integrationId, sealed, seal(integrationId, credentials));
        });
    }

    /**
     * The check made before an integration is enabled or re-enabled: a refresh with the presented refresh token,
     * whose rotated successor, access token and expiry go into the connection, and so into what gets stored. If the
     * integration is then not stored (a setting the provider refuses), the presented token is spent all the same; a
     * retry presenting it again within the handover period carries on from its successor instead of failing.
     */
    public void refreshForCheck(Provider.Connection connection, TokenEndpoint endpoint) {
        String clientId = connection.credential(TokenSet.CLIENT_ID);
        String presented = connection.credential(TokenSet.REFRESH_TOKEN);
        TokenSet fresh = grant.refresh(endpoint, clientId, connection.credential(TokenSet.CLIENT_SECRET),
                handedOver(endpoint.url(), clientId, presented));
        handOver(endpoint.url(), clientId, presented, fresh.refreshToken());
        connection.updateCredentials(fresh.asCredentials());
    }

    /**
     * Waits for any refresh of this integration running elsewhere, then reads the credentials it committed. The
     * lock is an advisory one, not the integration's row: a refresh waiting on a slow token endpoint must not hold
     * up the run's lease heartbeat, which writes that row.
     */
    private byte[] lockCredentials(long integrationId) {
        jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", TOKEN_REFRESH_LOCKS, (int) integrationId);
        List<byte[]> rows = jdbc.query("select credentials from integration where id = ?",
                (rs, row) -> rs.getBytes(1), integrationId);
        if (rows.isEmpty() || rows.get(0) == null) {
            throw new IllegalStateException("integration " + integrationId + " has no credentials: it was unlinked");
        }
        return rows.get(0);
    }

    private Map<String, String> open(long integrationId, byte[] sealed) {
        try {
            return json.readValue(cipher.open(integrationId, sealed), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the credentials of integration " + integrationId + " are not JSON", e);
        }
    }

    private byte[] seal(long integrationId, Map<String, String> credentials) {
        try {
            return cipher.seal(integrationId, json.writeValueAsString(credentials));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Keyed by a digest: the map never holds a presented token itself. */
    private static String handoverKey(String tokenUrl, String clientId, String refreshToken) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String text = tokenUrl + "\n" + clientId + "\n" + refreshToken;
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
