package io.taskhub.provider.oauth;

/**
 * Where refresh tokens go that a provider's own client rotated (camel-salesforce logs in by itself): each refresh
 * answers a new refresh token and the used one dies, so the new one is stored at once, sealed, as the hub's own
 * refreshes are.
 */
public interface RefreshTokenRotation {

    /** The refresh token to log in with: the stored one, or its successor if that could not be stored yet. */
    String current(long integrationId, String stored);

    /** A login of the integration spent {@code spent} and was answered {@code fresh}. */
    void rotated(long integrationId, String spent, String fresh);

    /**
     * For the check made before an enable: the presented refresh token, or what an earlier check of it rotated it
     * into, if that check's integration was then not stored and the retry comes within the handover period.
     */
    String handedOver(String tokenUrl, String clientId, String presented);

    /** A check rotated {@code presented} into {@code successor}. */
    void handOver(String tokenUrl, String clientId, String presented, String successor);
}
