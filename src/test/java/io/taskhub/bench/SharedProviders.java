package io.taskhub.bench;

import java.util.List;
import java.util.Map;

import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.sandbox.xero.XeroSimulator;

/**
 * One simulator per provider, each shared by many integrations (as one org, instance, tenant or company connected to
 * many accounts), each integration with credentials of its own where the provider has them per connection:
 * Salesforce clients and refresh tokens, Xero and QuickBooks refresh-token chains; Insightly has one API key per
 * instance. They start empty and are filled later with the same records for every integration of the provider.
 */
final class SharedProviders implements AutoCloseable {

    /** The providers in the order integrations are spread over them; an account holds one of each. */
    static final List<String> PROVIDERS = List.of("salesforce", "insightly", "xero", "quickbooks");

    private final SalesforceSimulator salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
            .withOpportunities(0).withCases(0));
    private final InsightlySimulator insightly = InsightlySimulator.start(InsightlySimulator.Options.defaults()
            .withSize(0));
    private final XeroSimulator xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(0));
    private final QuickBooksSimulator quickbooks = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
            .withSize(0));

    /** The provider of the n-th integration. */
    static String providerOf(int n) {
        return PROVIDERS.get(n % PROVIDERS.size());
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
            case "insightly" -> Map.of("provider", "insightly", "intervalSeconds", intervalSeconds,
                    "credentials", Map.of("apiKey", InsightlySimulator.DEFAULT_API_KEY, "pod", "na1"),
                    "endpoint", Map.of("baseUrl", insightly.baseUrl()),
                    "selectedTypes", List.of("opportunities"));
            case "xero" -> Map.of("provider", "xero", "intervalSeconds", intervalSeconds,
                    "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                            "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                            "refreshToken", xero.issueRefreshToken()),
                    "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                    "settings", Map.of("revenueAccountCode", "200", "expenseAccountCode", "400"));
            case "quickbooks" -> Map.of("provider", "quickbooks", "intervalSeconds", intervalSeconds,
                    "credentials", Map.of("clientId", QuickBooksSimulator.DEFAULT_CLIENT_ID,
                            "clientSecret", QuickBooksSimulator.DEFAULT_CLIENT_SECRET,
                            "refreshToken", quickbooks.issueRefreshToken(), "realmId", quickbooks.realmId()),
                    "endpoint", Map.of("baseUrl", quickbooks.baseUrl(), "tokenUrl", quickbooks.tokenUrl()));
            default -> throw new IllegalArgumentException(providerOf(n));
        };
    }

    /**
     * Gives every provider {@code records} new records of the type its integrations import: opportunities,
     * contacts, or QuickBooks customers.
     */
    void fill(int records) {
        for (int i = 0; i < records; i++) {
            salesforce.createOpportunity("Deal " + i, "Prospecting");
            insightly.create(InsightlyType.OPPORTUNITIES, Map.of());
            xero.createContact("Customer " + i, "customer" + i + "@xero.example");
            quickbooks.createCustomer("Customer " + i, "customer" + i + "@quickbooks.example");
        }
    }

    @Override
    public void close() {
        salesforce.close();
        insightly.close();
        xero.close();
        quickbooks.close();
    }
}
