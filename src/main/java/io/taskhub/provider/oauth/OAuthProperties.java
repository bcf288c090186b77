package io.taskhub.provider.oauth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param refreshBeforeExpiry a stored access token is replaced this long before it expires, so that a call made with
 *                            it does not arrive after its end
 * @param timeout             how long a token endpoint may take to answer (the integration stays locked meanwhile)
 * @param handover            how long a refresh token rotated by a failed enable check stays usable for a retry
 */
@ConfigurationProperties("hub.oauth")
public record OAuthProperties(Duration refreshBeforeExpiry, Duration timeout, Duration handover) {
}
