package io.taskhub.security;

import java.util.Map;
import java.util.Optional;

/**
 * Who may call each operation of the REST API (CONTRACT §2), by the operation id that the REST DSL gives it
 * ({@code routes/hub-rest.camel.yaml}). The one table of the hub's authorization: an operation missing here is refused.
 */
public final class OperationAccess {

    /** What an operation needs of its caller. */
    public enum Need {
        /** No login: the API's own description. */
        ANYONE,
        /** Any logged-in user; nothing of an account is touched. */
        LOGGED_IN,
        OPERATOR,
        /** A user of the path's account (or the operator). */
        MEMBER,
        /** An ADMINISTRATOR of the path's account (or the operator). */
        ADMINISTRATOR;

        public boolean inAccount() {
            return this == MEMBER || this == ADMINISTRATOR;
        }
    }

    private static final Map<String, Need> NEEDS = Map.ofEntries(
            Map.entry("api-openapi", Need.ANYONE),
            // provider webhooks: the signature or secret is the proof, checked by the operation itself
            Map.entry("webhook-xero", Need.ANYONE),
            Map.entry("webhook-quickbooks", Need.ANYONE),
            Map.entry("webhook-insightly", Need.ANYONE),
            Map.entry("api-providers-list", Need.LOGGED_IN),
            Map.entry("api-accounts-list", Need.OPERATOR),
            Map.entry("api-accounts-create", Need.OPERATOR),
            // users
            Map.entry("api-users-list", Need.MEMBER),
            Map.entry("api-users-trackable", Need.MEMBER),
            Map.entry("api-users-create", Need.ADMINISTRATOR),
            Map.entry("api-users-delete", Need.ADMINISTRATOR),
            // integrations, timers, runs
            Map.entry("api-integrations-list", Need.MEMBER),
            Map.entry("api-integrations-get", Need.MEMBER),
            Map.entry("api-integrations-sync", Need.MEMBER),
            Map.entry("api-integrations-create", Need.ADMINISTRATOR),
            Map.entry("api-integrations-types", Need.ADMINISTRATOR),
            Map.entry("api-integrations-types-list", Need.MEMBER),
            Map.entry("api-integrations-reenable", Need.ADMINISTRATOR),
            Map.entry("api-integrations-unlink", Need.ADMINISTRATOR),
            Map.entry("api-connections-create", Need.ADMINISTRATOR),
            Map.entry("api-connections-get", Need.ADMINISTRATOR),
            Map.entry("api-connections-choose", Need.ADMINISTRATOR),
            Map.entry("api-timer-get", Need.MEMBER),
            Map.entry("api-timer-update", Need.ADMINISTRATOR),
            Map.entry("api-timers-list", Need.MEMBER),
            Map.entry("api-runs-list", Need.MEMBER),
            Map.entry("api-runs-get", Need.MEMBER),
            Map.entry("api-runs-rejected", Need.MEMBER),
            Map.entry("api-integrations-rejected", Need.MEMBER),
            Map.entry("api-integrations-webhook", Need.ADMINISTRATOR),
            Map.entry("api-integrations-webhook-rotate", Need.ADMINISTRATOR),
            Map.entry("api-invoices-create", Need.ADMINISTRATOR),
            Map.entry("api-xero-accounts-list", Need.ADMINISTRATOR),
            Map.entry("api-integrations-settings", Need.ADMINISTRATOR),
            // tasks and clients; changing a task is refused by its operation (405), whoever asks
            Map.entry("api-tasks-list", Need.MEMBER),
            Map.entry("api-tasks-get", Need.MEMBER),
            Map.entry("api-tasks-put", Need.MEMBER),
            Map.entry("api-tasks-patch", Need.MEMBER),
            Map.entry("api-tasks-delete", Need.MEMBER),
            Map.entry("api-assignees-add", Need.ADMINISTRATOR),
            Map.entry("api-assignees-remove", Need.ADMINISTRATOR),
            Map.entry("api-clients-list", Need.MEMBER),
            // QuickBooks
            Map.entry("api-quickbooks-customers-search", Need.MEMBER),
            Map.entry("api-quickbooks-documents-find", Need.MEMBER),
            Map.entry("api-quickbooks-client-view", Need.MEMBER),
            Map.entry("api-quickbooks-task-documents", Need.MEMBER),
            Map.entry("api-quickbooks-client-link", Need.ADMINISTRATOR),
            Map.entry("api-quickbooks-client-unlink", Need.ADMINISTRATOR),
            Map.entry("api-quickbooks-customer-create", Need.ADMINISTRATOR),
            Map.entry("api-quickbooks-client-copy", Need.ADMINISTRATOR),
            Map.entry("api-quickbooks-task-link", Need.ADMINISTRATOR),
            Map.entry("api-quickbooks-task-unlink", Need.ADMINISTRATOR));

    private OperationAccess() {
    }

    public static Optional<Need> of(String operationId) {
        return Optional.ofNullable(NEEDS.get(operationId));
    }
}
