package io.taskhub.provider;

import java.util.List;
import java.util.Map;

/**
 * What a provider plugs into the shared machinery: its types, defaults and credential check. Its routes
 * ({@code routes/<provider>-*.camel.yaml}) do the fetching; the shared sync does runs, writing and scheduling.
 *
 * <p>The dispatch convention: the {@code sync-run} route sends each run to {@code direct:<id>-sync}, which the
 * provider's route file must consume; a provider that imports tasks pages through them with the {@code page-import}
 * route template and its {@link io.taskhub.sync.PageSource} ({@code docs/adding-a-provider.md}).
 */
public interface Provider {

    /** The id used in the REST API and in route names: {@code salesforce}. */
    String id();

    /** Root project name: {@code Salesforce}. */
    String displayName();

    /** The types a user may select, in import order (parents before the records nested under them). */
    List<String> types();

    /** Whether {@link #types()} is a choice; Xero's contacts are always imported. */
    default boolean typesSelectable() {
        return true;
    }

    /**
     * Whether the provider's records become tasks. One that only keeps a read copy of its own (QuickBooks' accounting
     * documents, linked to clients and tasks) gets no tree: no root, no lists, no root assignments.
     */
    default boolean importsTasks() {
        return true;
    }

    /** Whether each type gets a list task under the root, or its records sit directly under the root. */
    default boolean listPerType() {
        return true;
    }

    /** Whether every user of the account is assigned to the root (else only the owner). */
    default boolean assignsAllUsersToRoot() {
        return false;
    }

    default int defaultIntervalSeconds() {
        return 3600;
    }

    /** Credential fields that must be present; a missing one is a 400 naming it. */
    List<String> credentialFields();

    /** Credential fields that may be given; a blank one is left out, and {@link #verify} may fill it in. */
    default List<String> optionalCredentialFields() {
        return List.of();
    }

    /**
     * The credential naming the provider's organisation that its webhooks name too (Xero's {@code tenantId},
     * QuickBooks' {@code realmId}); null for a provider whose webhooks do not name one.
     */
    default String tenantCredential() {
        return null;
    }

    /**
     * Whom the provider's rate limits count this connection's calls against (its org, company or API key), for
     * {@code hub.pacing}: by default the {@link #tenantCredential}; null paces the integration on its own. Only kept in
     * memory, but a secret is still hashed ({@link #digest}).
     */
    default String pacedTenant(Connection connection) {
        return tenantCredential() == null ? null : connection.credential(tenantCredential());
    }

    /** A stable, one-way name of a secret: the same key paces the same tenant without being held itself. */
    static String digest(String secret) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URLs an integration's {@code endpoint} may override (for sandboxes and tests), by name. */
    List<String> endpointFields();

    /**
     * The provider's own public domains: an endpoint override may point at them, or their subdomains, without the
     * operator listing it in {@code HUB_ENDPOINT_HOSTS}.
     */
    List<String> publicDomains();

    /** Settings that must be present; a missing one is a 400 naming it. Whether the provider accepts them is verify's. */
    default List<String> requiredSettings() {
        return List.of();
    }

    /**
     * Asks the provider whether it accepts these credentials and settings; throws {@link ProviderRejection} if not.
     * A check that changes a credential (an OAuth refresh token rotated by the refresh it made, a looked-up tenant)
     * records the new value with {@link Connection#updateCredentials}: what gets stored is the connection's
     * credentials after the check.
     */
    void verify(Connection connection);

    /** How many records of each type the provider holds, asked now; a type it cannot count is left out. */
    default Map<String, Long> countRecords(long integrationId, Connection connection) {
        return Map.of();
    }

    /**
     * Takes back at the provider the access its user granted the hub, when the integration is unlinked; answers
     * whether there was a grant to revoke (an API key has none). Throws {@link ProviderRejection} if the provider
     * refuses, {@link ProviderUnavailable} if it fails.
     */
    default boolean revoke(Connection connection) {
        return false;
    }

    /** List name of a type: {@code opportunities} becomes {@code Opportunities}. */
    default String typeName(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    /** Credentials, endpoint overrides and settings of one integration. Its toString never shows a secret. */
    record Connection(Map<String, String> credentials, Map<String, String> endpoint, Map<String, Object> settings) {
        public String credential(String name) {
            return credentials.get(name);
        }

        /** Needs the mutable map the REST API builds; see {@link Provider#verify}. */
        public void updateCredentials(Map<String, String> changed) {
            credentials.putAll(changed);
        }

        public String endpoint(String name, String fallback) {
            String value = endpoint.get(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        @Override
        public String toString() {
            return "Connection[credentials=" + credentials.keySet() + " (hidden), endpoint=" + endpoint + "]";
        }
    }
}
