package io.taskhub.sandbox;

import java.util.Map;

import io.taskhub.model.Role;
import io.taskhub.model.RunTrigger;
import io.taskhub.provider.Provider;
import io.taskhub.provider.Providers;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.security.UserDirectory;
import io.taskhub.sync.IntegrationLifecycle;
import io.taskhub.sync.SyncService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the demo account at the sandbox's first start: an administrator, a regular user, and one integration
 * per simulated provider, each synced at once. Later starts find the account and leave it as it is.
 */
@Component
@Profile("sandbox")
public class DemoAccount {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccount.class);
    static final String NAME = "Demo";

    private final UserDirectory directory;
    private final IntegrationLifecycle lifecycle;
    private final Providers providers;
    private final SyncService syncs;
    private final SandboxProperties sandbox;
    private final SalesforceSimulator salesforce;
    private final InsightlySimulator insightly;
    private final XeroSimulator xero;
    private final QuickBooksSimulator quickbooks;

    public DemoAccount(UserDirectory directory, IntegrationLifecycle lifecycle, Providers providers,
                       SyncService syncs, SandboxProperties sandbox, SalesforceSimulator salesforce,
                       InsightlySimulator insightly, XeroSimulator xero, QuickBooksSimulator quickbooks) {
        this.directory = directory;
        this.lifecycle = lifecycle;
        this.providers = providers;
        this.syncs = syncs;
        this.sandbox = sandbox;
        this.salesforce = salesforce;
        this.insightly = insightly;
        this.xero = xero;
        this.quickbooks = quickbooks;
    }

    /** Runs after the scheduler has started (its listener is declared first), so the first syncs can start now. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void create() {
        if (directory.accounts().stream().noneMatch(a -> a.name().equals(NAME))) {
            long account = directory.createAccount(NAME).id();
            directory.createUser(account, sandbox.adminEmail(), "Demo Admin", Role.ADMINISTRATOR,
                    sandbox.adminPassword());
            directory.createUser(account, sandbox.userEmail(), "Demo User", Role.REGULAR, sandbox.userPassword());
            enableAndSync(account, "salesforce", new Provider.Connection(
                    Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                            "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                            "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN),
                    Map.of("loginUrl", salesforce.baseUrl()), Map.of()));
            enableAndSync(account, "insightly", new Provider.Connection(
                    Map.of("apiKey", InsightlySimulator.DEFAULT_API_KEY, "pod", "sandbox"),
                    Map.of("baseUrl", insightly.baseUrl()), Map.of()));
            // its refresh token rotates at the first sync; the simulator's signed tokens survive sandbox restarts
            enableAndSync(account, "xero", new Provider.Connection(
                    Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                            "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                            "refreshToken", XeroSimulator.DEFAULT_REFRESH_TOKEN,
                            "tenantId", XeroSimulator.DEFAULT_TENANT_ID),
                    Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl(), "authorizeUrl", xero.authorizeUrl(),
                            "revokeUrl", xero.revokeUrl()),
                    Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                            "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT)));
            // the first sync spends this refresh token and stores its successor, as with a real company
            enableAndSync(account, "quickbooks", new Provider.Connection(
                    Map.of("clientId", QuickBooksSimulator.DEFAULT_CLIENT_ID,
                            "clientSecret", QuickBooksSimulator.DEFAULT_CLIENT_SECRET,
                            "refreshToken", QuickBooksSimulator.DEFAULT_REFRESH_TOKEN, "realmId", quickbooks.realmId()),
                    Map.of("baseUrl", quickbooks.baseUrl(), "tokenUrl", quickbooks.tokenUrl(),
                            "authorizeUrl", quickbooks.authorizeUrl(), "revokeUrl", quickbooks.revokeUrl()), Map.of()));
            LOG.info("Sandbox: demo account {} created (log in as {})", account, sandbox.adminEmail());
        }
        LOG.info("Sandbox simulators: Salesforce {}, Insightly {}, Xero {}, QuickBooks {}", salesforce.baseUrl(),
                insightly.baseUrl(), xero.baseUrl(), quickbooks.baseUrl());
    }

    private void enableAndSync(long account, String providerId, Provider.Connection connection) {
        Provider provider = providers.get(providerId);
        long integration = lifecycle.enable(account, provider, sandbox.adminEmail(), connection, provider.types(),
                provider.defaultIntervalSeconds());
        syncs.start(integration, RunTrigger.FORCED, true).ifPresent(run -> syncs.runInBackground(run.runId()));
    }
}
