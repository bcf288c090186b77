package io.taskhub.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.taskhub.sandbox.Rationing;
import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.OperatorApi;

/**
 * One simulator per provider, each serving many integrations, each integration a customer of its own: its own
 * Salesforce org (a client and refresh token), Insightly API key, Xero organisation and QuickBooks company, all
 * seeing the same records. Each simulator rations every tenant as the provider publishes (per minute and at once)
 * and may answer after a real-world latency. They start empty and are filled later with the same records for every
 * integration of the provider.
 */
final class SharedProviders implements AutoCloseable {

    /** The providers in the order integrations are spread over them; an account holds one of each. */
    static final List<String> PROVIDERS = List.of("salesforce", "insightly", "xero", "quickbooks");

    private final SalesforceSimulator salesforce;
    private final InsightlySimulator insightly;
    private final XeroSimulator xero;
    private final QuickBooksSimulator quickbooks;
    private final List<String> opportunities = new ArrayList<>();

    /** Answering at once, within the providers' limits. */
    SharedProviders() {
        this(Duration.ZERO);
    }

    /** Each answer after {@code latency}, give or take a fifth of it. */
    SharedProviders(Duration latency) {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(0)
                .withCases(0).withRationing(Rationing.salesforce().withLatency(latency, JITTER)));
        insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults().withSize(0)
                .withRationing(Rationing.insightly().withLatency(latency, JITTER)));
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(0)
                .withRationing(Rationing.xero().withLatency(latency, JITTER)));
        quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults().withSize(0)
                .withRationing(Rationing.quickbooks().withLatency(latency, JITTER)));
    }

    private static final double JITTER = 0.2;

    /** The provider of the n-th integration. */
    static String providerOf(int n) {
        return PROVIDERS.get(n % PROVIDERS.size());
    }

    /**
     * Enables {@code count} integrations, one of each provider to an account (an account holds one live integration
     * per provider), through the REST API with {@code clients} requests at once; answers them in order.
     */
    List<OperatorApi.Integration> enableAll(OperatorApi api, String accountName, int count, int intervalSeconds,
                                            int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Long> accounts = new ArrayList<>();
            for (int a = 0; a * PROVIDERS.size() < count; a++) {
                accounts.add(api.createAccount(accountName + " " + a));
            }
            List<Future<OperatorApi.Integration>> enabled = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long account = accounts.get(i / PROVIDERS.size());
                Map<String, Object> body = enabling(i, intervalSeconds);
                enabled.add(pool.submit(() -> api.enable(account, body)));
            }
            List<OperatorApi.Integration> integrations = new ArrayList<>();
            for (Future<OperatorApi.Integration> integration : enabled) {
                integrations.add(integration.get());
            }
            return integrations;
        } finally {
            pool.shutdown();
        }
    }

    /** The body of {@code POST .../integrations} for the n-th integration: its own credentials, one type. */
    Map<String, Object> enabling(int n, int intervalSeconds) {
        return switch (providerOf(n)) {
            case "salesforce" -> {
                salesforce.registerClient("client-" + n, "secret-" + n, "token-" + n);
                yield Map.of("provider", "salesforce", "intervalSeconds", intervalSeconds,
                        "credentials", Map.of("clientId", "client-" + n, "clientSecret", "secret-" + n,
                                "refreshToken", "token-" + n),
                        "endpoint", Map.of("loginUrl", salesforce.baseUrl()),
                        "selectedTypes", List.of("opportunities"));
            }
            case "insightly" -> {
                insightly.addApiKey("key-" + n);
                yield Map.of("provider", "insightly", "intervalSeconds", intervalSeconds,
                    "credentials", Map.of("apiKey", "key-" + n, "pod", "na1"),
                    "endpoint", Map.of("baseUrl", insightly.baseUrl()),
                    "selectedTypes", List.of("opportunities"));
            }
            case "xero" -> {
                String tenant = UUID.nameUUIDFromBytes(("organisation-" + n).getBytes(StandardCharsets.UTF_8)).toString();
                xero.addTenant(tenant, "Organisation " + n);
                yield Map.of("provider", "xero", "intervalSeconds", intervalSeconds,
                    "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                            "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                            "refreshToken", xero.issueRefreshToken(), "tenantId", tenant),
                    "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                    "settings", Map.of("revenueAccountCode", "200", "expenseAccountCode", "400"));
            }
            case "quickbooks" -> {
                String realm = Long.toString(9_130_000_000_000_000L + n);
                quickbooks.addCompany(realm);
                yield Map.of("provider", "quickbooks", "intervalSeconds", intervalSeconds,
                    "credentials", Map.of("clientId", QuickBooksSimulator.DEFAULT_CLIENT_ID,
                            "clientSecret", QuickBooksSimulator.DEFAULT_CLIENT_SECRET,
                            "refreshToken", quickbooks.issueRefreshToken(), "realmId", realm),
                    "endpoint", Map.of("baseUrl", quickbooks.baseUrl(), "tokenUrl", quickbooks.tokenUrl()));
            }
            default -> throw new IllegalArgumentException(providerOf(n));
        };
    }

    /**
     * Gives every provider {@code records} new records of the type its integrations import: opportunities,
     * contacts, or QuickBooks customers.
     */
    void fill(int records) {
        for (int i = 0; i < records; i++) {
            opportunities.add(salesforce.createOpportunity("Deal " + i, "Prospecting"));
            insightly.create(InsightlyType.OPPORTUNITIES, Map.of());
            xero.createContact("Customer " + i, "customer" + i + "@xero.example");
            quickbooks.createCustomer("Customer " + i, "customer" + i + "@quickbooks.example");
        }
    }

    /** API calls the providers answered so far, and how many of them they refused as over a tenant's limits. */
    record Traffic(long requests, long throttled) {
        Traffic since(Traffic earlier) {
            return new Traffic(requests - earlier.requests, throttled - earlier.throttled);
        }
    }

    Traffic traffic() {
        return new Traffic(salesforce.requests() + insightly.requests() + xero.requests() + quickbooks.requests(),
                salesforce.throttled() + insightly.throttled() + xero.throttled() + quickbooks.throttled());
    }

    /** Renames one opportunity of the Salesforce records: each Salesforce integration sees it at its next sync. */
    void renameOpportunity(int index) {
        salesforce.update(opportunities.get(index % opportunities.size()), Map.of("Name", "Renamed deal " + System.nanoTime()));
    }

    @Override
    public void close() {
        salesforce.close();
        insightly.close();
        xero.close();
        quickbooks.close();
    }
}
