package io.taskhub.sandbox.quickbooks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.taskhub.sandbox.Rationing;
import io.taskhub.sandbox.RationingTransformer;
import io.taskhub.sandbox.Revocations;

/**
 * A QuickBooks Online company on localhost: Intuit's refresh-token grant with rotation (each refresh token works
 * once; a reused one answers {@code 400 invalid_grant}), access tokens that expire, and under
 * {@code /v3/company/{realmId}}: the query language's subset ({@code SELECT * FROM}, {@code WHERE} with
 * {@code Metadata.LastUpdatedTime >=}, {@code Active IN (true, false)}, equality or LIKE on names, emails and
 * numbers, {@code STARTPOSITION}, {@code MAXRESULTS}; inactive customers only when asked for), change data capture
 * with deleted entities, company info, customer creates (a taken name is fault 6240) and sparse updates (a stale
 * SyncToken is fault 5010). Throttling (429, or fault 3001 inside a 200) and server errors can be planned for the
 * next API requests. Faults use QuickBooks' {@code Fault.Error[]} shape, and its authentication layer's
 * lower-case {@code fault.error[]}.
 *
 * <p>Customers, invoices, payments and estimates are generated from a seed on demand, so a million cost no memory;
 * changes made through this class or the API are stamped with the current second and kept in a small overlay.
 * Stamps carry the company's Pacific offset. The token endpoint is {@link #tokenUrl()}, under the same server.
 *
 * <p>Thread-safe: WireMock serves requests concurrently with calls to this class.
 */
public final class QuickBooksSimulator implements AutoCloseable {

    public static final String DEFAULT_CLIENT_ID = "sandbox-quickbooks-client";
    public static final String DEFAULT_CLIENT_SECRET = "sandbox-quickbooks-secret";
    public static final String DEFAULT_REFRESH_TOKEN = "sandbox-quickbooks-refresh-token";
    public static final String DEFAULT_REALM_ID = "9341453050123456";
    public static final String DEFAULT_COMPANY_NAME = "Sandbox Company_US_1";

    /** A customer to include, first, among the generated ones; a null company name makes it a person. */
    public record SeededCustomer(String displayName, String companyName, String email) {
    }

    /**
     * Start-up options.
     *
     * @param port                the HTTP port, 0 for a free one
     * @param seed                the generated data and the token signing key depend only on this
     * @param sizes               how many records of each entity to generate
     * @param seededCustomers     the first customers (duplicate display names, ignoring case, are left out)
     * @param accessTokenLifetime how long issued access tokens live (Intuit: one hour)
     * @param rationing           the latency of answers and each company's limits
     */
    public record Options(int port, long seed, Map<QuickBooksEntity, Integer> sizes, String clientId,
                          String clientSecret, String refreshToken, String realmId,
                          List<SeededCustomer> seededCustomers, Duration accessTokenLifetime, Rationing rationing) {

        public Options {
            sizes = Map.copyOf(sizes);
            seededCustomers = List.copyOf(seededCustomers);
        }

        public Options(int port, long seed, Map<QuickBooksEntity, Integer> sizes, String clientId,
                       String clientSecret, String refreshToken, String realmId,
                       List<SeededCustomer> seededCustomers, Duration accessTokenLifetime) {
            this(port, seed, sizes, clientId, clientSecret, refreshToken, realmId, seededCustomers,
                    accessTokenLifetime, Rationing.none());
        }

        public static Options defaults() {
            return new Options(0, 11L, sized(300), DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN,
                    DEFAULT_REALM_ID, List.of(), Duration.ofHours(1));
        }

        public Options withPort(int port) {
            return new Options(port, seed, sizes, clientId, clientSecret, refreshToken, realmId, seededCustomers,
                    accessTokenLifetime, rationing);
        }

        /** The same number of customers, invoices, payments and estimates. */
        public Options withSize(int size) {
            return new Options(port, seed, sized(size), clientId, clientSecret, refreshToken, realmId,
                    seededCustomers, accessTokenLifetime, rationing);
        }

        public Options withCount(QuickBooksEntity entity, int count) {
            Map<QuickBooksEntity, Integer> changed = new EnumMap<>(sizes);
            changed.put(entity, count);
            return new Options(port, seed, changed, clientId, clientSecret, refreshToken, realmId, seededCustomers,
                    accessTokenLifetime, rationing);
        }

        public Options withSeededCustomers(List<SeededCustomer> customers) {
            return new Options(port, seed, sizes, clientId, clientSecret, refreshToken, realmId, customers,
                    accessTokenLifetime, rationing);
        }

        /** Another company: several simulators then stand for several QuickBooks companies (realms). */
        public Options withRealmId(String realmId) {
            return new Options(port, seed, sizes, clientId, clientSecret, refreshToken, realmId, seededCustomers,
                    accessTokenLifetime, rationing);
        }

        public Options withAccessTokenLifetime(Duration lifetime) {
            return new Options(port, seed, sizes, clientId, clientSecret, refreshToken, realmId, seededCustomers,
                    lifetime, rationing);
        }

        public Options withRationing(Rationing rationing) {
            return new Options(port, seed, sizes, clientId, clientSecret, refreshToken, realmId, seededCustomers,
                    accessTokenLifetime, rationing);
        }

        private static Map<QuickBooksEntity, Integer> sized(int size) {
            Map<QuickBooksEntity, Integer> sizes = new EnumMap<>(QuickBooksEntity.class);
            for (QuickBooksEntity entity : QuickBooksEntity.values()) {
                sizes.put(entity, size);
            }
            return sizes;
        }
    }

    private final QuickBooksIdentity identity;
    private final QuickBooksCompany company;
    private final QuickBooksEndpoint endpoint;
    private final String realmId;
    private final RationingTransformer rationed;
    private final WireMockServer server;
    private volatile String baseUrl;

    private QuickBooksSimulator(Options options) {
        identity = new QuickBooksIdentity(options.seed(), options.clientId(), options.clientSecret(),
                options.accessTokenLifetime());
        identity.registerRefreshToken(options.refreshToken());
        List<QuickBooksGenerator.Seeded> seeded = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SeededCustomer customer : options.seededCustomers()) {
            if (names.add(customer.displayName().trim().toLowerCase(Locale.ROOT))) {
                seeded.add(new QuickBooksGenerator.Seeded(customer.displayName().trim(), customer.companyName(),
                        customer.email()));
            }
        }
        Map<QuickBooksEntity, Integer> sizes = new EnumMap<>(options.sizes());
        sizes.merge(QuickBooksEntity.CUSTOMER, seeded.size(), Math::max);
        int customers = sizes.get(QuickBooksEntity.CUSTOMER);
        company = new QuickBooksCompany(new QuickBooksGenerator(options.seed(), customers, seeded), sizes);
        realmId = options.realmId();
        endpoint = new QuickBooksEndpoint(identity, company, realmId, DEFAULT_COMPANY_NAME);
        rationed = new RationingTransformer(new QuickBooksApiTransformer(endpoint), options.rationing(),
                new QuickBooksRationing());
        server = rationed.newServer(options.port());
    }

    /** Starts a simulator with the default options (free port, 300 records of each entity). */
    public static QuickBooksSimulator start() {
        return start(Options.defaults());
    }

    public static QuickBooksSimulator start(Options options) {
        QuickBooksSimulator simulator = new QuickBooksSimulator(options);
        simulator.server.start();
        simulator.baseUrl = "http://localhost:" + simulator.server.port();
        return simulator;
    }

    /** The endpoint override {@code baseUrl}: {@code /v3/company/{realmId}/...} lives under it. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The endpoint override {@code tokenUrl}. */
    public String tokenUrl() {
        return baseUrl + QuickBooksEndpoint.TOKEN_PATH;
    }

    /** The endpoint override {@code authorizeUrl}: connects the company at once, unless told to deny. */
    public String authorizeUrl() {
        return baseUrl + QuickBooksEndpoint.AUTHORIZE_PATH;
    }

    /** From now on the authorize endpoint sends the browser back with {@code error=access_denied}. */
    public void denyAuthorizations(boolean deny) {
        identity.codes().denyAuthorizations(deny);
    }

    /** The endpoint override {@code revokeUrl}. */
    public String revokeUrl() {
        return baseUrl + QuickBooksEndpoint.REVOKE_PATH;
    }

    /** Grants revoked at {@link #revokeUrl()}, and whether it refuses to (400). */
    public Revocations revocations() {
        return identity.revocations();
    }

    public String realmId() {
        return realmId;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- Identity -------------------------------------------------------------------------------------------

    /** A new refresh token, as if the company's administrator had connected the app again. */
    public String issueRefreshToken() {
        return identity.issueRefreshToken();
    }

    /**
     * Connects another company to the app: the API answers under its realm id too, with the same data, and rations
     * it apart from the others.
     */
    public void addCompany(String realmId) {
        endpoint.addCompany(realmId);
    }

    /** Every token the token endpoint has answered: for tests that look for them where none may be. */
    public List<String> tokensHandedOut() {
        return identity.handedOut();
    }

    /** Every refresh token issued so far is refused from now on (invalid_grant): the app was disconnected. */
    public void revokeRefreshTokens() {
        identity.revokeRefreshTokens();
    }

    /** Every access token issued so far is refused from now on (401). */
    public void expireAccessTokens() {
        identity.expireAccessTokens();
    }

    public void setAccessTokenLifetime(Duration lifetime) {
        identity.setAccessTokenLifetime(lifetime);
    }

    // ---- Data -----------------------------------------------------------------------------------------------

    /** The id of generated record {@code index} (0-based) of an entity. */
    public String id(QuickBooksEntity entity, int index) {
        if (index < 0 || index >= company.count(entity)) {
            throw new IndexOutOfBoundsException(entity.entityName() + " " + index + " of " + company.count(entity));
        }
        return String.valueOf(entity.id(index + 1L));
    }

    public int generated(QuickBooksEntity entity) {
        return company.count(entity);
    }

    /** The record as the API shows it now, or null if there is none with this id. */
    public Map<String, Object> record(String id) {
        Map<String, Object> record = company.shown(Long.parseLong(id));
        return record == null ? null : new LinkedHashMap<>(record);
    }

    /** The id of the customer with this display name (ignoring case), active or not; null if none. */
    public String customerNamed(String displayName) {
        List<Map<String, Object>> found = company.query(QuickBooksQuery.parse("select * from Customer where "
                + "DisplayName = '" + displayName.replace("\\", "\\\\").replace("'", "\\'")
                + "' and Active in (true, false)"));
        return found.isEmpty() ? null : found.get(0).get("Id").toString();
    }

    /** The ids of a customer's documents of one entity. */
    public List<String> documentsOf(QuickBooksEntity entity, String customerId) {
        return company.documentsOf(entity, Long.parseLong(customerId)).stream().map(String::valueOf).toList();
    }

    /** Creates a customer as the API would; returns its id. */
    public String createCustomer(String displayName, String email) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("DisplayName", displayName);
        if (email != null) {
            fields.put("PrimaryEmailAddr", Map.of("Address", email));
        }
        return company.create(QuickBooksEntity.CUSTOMER, fields).get("Id").toString();
    }

    /** Creates an invoice of a customer; returns its id. */
    public String createInvoice(String customerId, String docNumber, BigDecimal total, BigDecimal balance,
                                LocalDate date, LocalDate dueDate) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("DocNumber", docNumber);
        fields.put("TxnDate", date.toString());
        fields.put("CustomerRef", Map.of("value", customerId));
        fields.put("DueDate", dueDate.toString());
        fields.put("TotalAmt", total);
        fields.put("Balance", balance);
        return company.create(QuickBooksEntity.INVOICE, fields).get("Id").toString();
    }

    /** Replaces top-level fields (aggregates whole), bumping the SyncToken and stamping the record now. */
    public void update(String id, Map<String, Object> changes) {
        company.update(Long.parseLong(id), changes);
    }

    /** Deletes a record: it vanishes from queries and reads, and change data capture reports it Deleted. */
    public void delete(String id) {
        company.delete(Long.parseLong(id));
    }

    /**
     * Deletes the record once the next first page of its entity was answered, as someone in QuickBooks could while
     * the hub pages: the later pages shift by one, so the record that opened the second page goes unseen.
     */
    public void deleteWhilePaging(String id) {
        endpoint.deleteAfterFirstPage(Long.parseLong(id));
    }

    // ---- Faults ---------------------------------------------------------------------------------------------

    /** The next {@code count} API requests answer 429 with fault 3001, as QuickBooks does past its rate limit. */
    public void throttleNextRequests(int count) {
        endpoint.plan(count, throttled(429));
    }

    /** The next {@code count} API requests answer HTTP 200 whose body is the throttling fault (code 3001). */
    public void throttleNextRequestsInsideOk(int count) {
        endpoint.plan(count, throttled(200));
    }

    /** The next {@code count} API requests answer this status with Intuit's server-side fault (SystemFault 10000). */
    public void failNextRequests(int count, int status) {
        endpoint.plan(count, QuickBooksReply.fault(status, "SystemFault", "10000", "An application error has occurred "
                + "while processing your request", "System Failure Error: planned by the test"));
    }

    /** The next {@code count} API requests answer a ValidationFault with this status and code (a 200 as QuickBooks may). */
    public void faultNextRequests(int count, int status, String code, String message) {
        endpoint.plan(count, QuickBooksReply.fault(status, "ValidationFault", code, message, message + " (planned)"));
    }

    public void clearFaults() {
        endpoint.clearPlans();
    }

    // ---- Counters -------------------------------------------------------------------------------------------

    /** Every request received, refused ones included, but for those the rationing refused. */
    public int requestCount() {
        return endpoint.requests.get();
    }

    public int tokenRequestCount() {
        return endpoint.tokenRequests.get();
    }

    public int queryRequestCount() {
        return endpoint.queryRequests.get();
    }

    /** Requests answered with planned throttling; {@link #throttled()} counts the rationing's. */
    public int throttledCount() {
        return endpoint.throttled.get();
    }

    /** The last 200 requests as {@code GET /v3/company/123/query?query=...} (query still encoded), oldest first. */
    public List<String> requestLog() {
        return endpoint.recentRequests();
    }

    /** API calls under {@code /v3/company/} answered, of all companies, the rationing's refusals included. */
    public long requests() {
        return rationed.requests();
    }

    /** API calls refused with 429 for being over their company's {@link Rationing}. */
    public long throttled() {
        return rationed.throttled();
    }

    public void resetCounters() {
        endpoint.resetCounters();
        rationed.resetCounters();
    }

    static QuickBooksReply throttled(int status) {
        return QuickBooksReply.fault(status, "SERVICE", "3001",
                "message=ThrottleExceeded; errorCode=003001; statusCode=429", "The request limit was reached.");
    }
}
