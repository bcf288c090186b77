package io.taskhub.provider.oauth;

import java.util.List;
import java.util.Map;

import io.taskhub.model.Organisation;

/**
 * How a provider's users connect it by signing in (the OAuth 2.0 authorization-code flow): where the browser goes,
 * what the hub asks for, and where the code is exchanged. The hub's own app (client id and secret) is the operator's
 * ({@link ConnectionProperties}).
 */
public interface AuthorizationFlow {

    /** The provider's id: {@code salesforce}. */
    String provider();

    /** Space-separated: what the hub needs and no more. */
    String scopes();

    /** The provider's authorize endpoint, given an integration's endpoint overrides. */
    String authorizeUrl(Map<String, String> endpoint);

    TokenEndpoint tokenEndpoint(Map<String, String> endpoint);

    /**
     * Whether the provider checks a PKCE (S256) verifier; without it the state and the client secret protect the
     * code.
     */
    default boolean pkce() {
        return true;
    }

    /** Whether the client id and secret go in the token request's form rather than in HTTP Basic. */
    default boolean secretInForm() {
        return false;
    }

    /**
     * Credentials that the provider names in the callback's parameters, by credential name (QuickBooks' company);
     * throws {@link io.taskhub.provider.ProviderRejection} if one is missing or malformed.
     */
    default Map<String, String> callbackCredentials(Map<String, String> parameters) {
        return Map.of();
    }

    /**
     * The organisations a consent covers, when it covers several and the client must choose one (Xero); empty when
     * there is nothing to choose.
     */
    default List<Organisation> organisations(TokenSet tokens, Map<String, String> endpoint) {
        return List.of();
    }

    /** The credential that names the chosen organisation (Xero's {@code tenantId}). */
    default String organisationCredential() {
        throw new UnsupportedOperationException(provider() + " has no organisations to choose from");
    }
}
