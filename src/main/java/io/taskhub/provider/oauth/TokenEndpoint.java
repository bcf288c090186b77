package io.taskhub.provider.oauth;

/**
 * A provider's OAuth 2.0 token endpoint.
 *
 * @param provider the provider's display name, for messages ({@code Xero})
 * @param url      where refresh-token grants are posted
 */
public record TokenEndpoint(String provider, String url) {
}
