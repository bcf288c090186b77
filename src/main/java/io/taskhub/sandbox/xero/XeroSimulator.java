package io.taskhub.sandbox.xero;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.taskhub.sandbox.Rationing;
import io.taskhub.sandbox.RationingTransformer;
import io.taskhub.sandbox.Revocations;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Xero organisation on localhost: the identity server's authorize endpoint and authorization-code grant (PKCE), its
 * refresh-token grant with rotation (each refresh token
 * works once; a reused one answers {@code 400 invalid_grant}), access tokens that expire, {@code /connections},
 * and the accounting API's Contacts (paging, {@code includeArchived}, {@code If-Modified-Since}, ordering by
 * UpdatedDateUTC), Accounts, and Invoices creation with Xero's validation errors. Throttling (429 with
 * {@code X-Rate-Limit-Problem: minute} or {@code day}) and server errors can be planned for the next API requests.
 *
 * <p>Contacts are generated deterministically from a seed, so a million of them cost no memory; changes made through
 * this class are stamped with the current time. Identity, accounting API and connections share one base URL: the
 * token endpoint is {@link #tokenUrl()}.
 *
 * <p>Thread-safe: WireMock serves requests concurrently with calls to this class.
 */
public final class XeroSimulator implements AutoCloseable {

    public static final String DEFAULT_CLIENT_ID = "sandbox-xero-client";
    public static final String DEFAULT_CLIENT_SECRET = "sandbox-xero-secret";
    public static final String DEFAULT_REFRESH_TOKEN = "sandbox-xero-refresh-token";
    public static final String DEFAULT_TENANT_ID = "7d3f8a52-6b1e-4c9a-9f4e-2a5b8c1d0e37";
    public static final String DEFAULT_TENANT_NAME = "Demo Company (Sandbox)";
    /** The chart's revenue account (Sales) and expense account (Advertising). */
    public static final String REVENUE_ACCOUNT = "200";
    public static final String EXPENSE_ACCOUNT = "400";
    static final String AUTHORIZE_PATH = "/identity/connect/authorize";
    static final String REVOKE_PATH = "/connect/revocation";

    /**
     * Start-up options.
     *
     * @param port                the HTTP port, 0 for a free one
     * @param contacts            how many contacts to generate
     * @param seed                the generated data and the token signing key depend only on this
     * @param accessTokenLifetime how long issued access tokens live (Xero: 30 minutes)
     * @param rationing           the latency of answers and each organisation's limits
     */
    public record Options(int port, int contacts, long seed, String clientId, String clientSecret,
                          String refreshToken, Duration accessTokenLifetime, Rationing rationing) {

        public Options(int port, int contacts, long seed, String clientId, String clientSecret, String refreshToken,
                       Duration accessTokenLifetime) {
            this(port, contacts, seed, clientId, clientSecret, refreshToken, accessTokenLifetime, Rationing.none());
        }

        public static Options defaults() {
            return new Options(0, 300, 42L, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN,
                    Duration.ofMinutes(30));
        }

        public Options withPort(int port) {
            return new Options(port, contacts, seed, clientId, clientSecret, refreshToken, accessTokenLifetime,
                    rationing);
        }

        public Options withContacts(int contacts) {
            return new Options(port, contacts, seed, clientId, clientSecret, refreshToken, accessTokenLifetime,
                    rationing);
        }

        public Options withSeed(long seed) {
            return new Options(port, contacts, seed, clientId, clientSecret, refreshToken, accessTokenLifetime,
                    rationing);
        }

        public Options withAccessTokenLifetime(Duration lifetime) {
            return new Options(port, contacts, seed, clientId, clientSecret, refreshToken, lifetime, rationing);
        }

        public Options withRationing(Rationing rationing) {
            return new Options(port, contacts, seed, clientId, clientSecret, refreshToken, accessTokenLifetime,
                    rationing);
        }
    }

    /**
     * A Contacts request as received: the URL with its query, the If-Modified-Since header (null if none) and the
     * organisation asked for.
     */
    public record ContactsRequest(String url, String ifModifiedSince, String tenantId) {
    }

    private final XeroIdentity identity;
    private final ContactBook contacts;
    private final Ledger ledger;
    private final XeroTraffic traffic = new XeroTraffic();
    private final String clientId;
    private final RationingTransformer rationed;
    private final WireMockServer server;
    private volatile String baseUrl;

    private XeroSimulator(Options options) {
        identity = new XeroIdentity(options.seed(), options.accessTokenLifetime());
        identity.registerClient(options.clientId(), options.clientSecret());
        identity.registerRefreshToken(options.clientId(), options.refreshToken());
        identity.addTenant(DEFAULT_TENANT_ID, DEFAULT_TENANT_NAME);
        clientId = options.clientId();
        contacts = new ContactBook(options.seed(), options.contacts());
        ledger = new Ledger(contacts);
        rationed = new RationingTransformer(new XeroApiTransformer(identity, contacts, ledger, traffic),
                options.rationing(), new XeroRationing());
        server = rationed.newServer(options.port());
    }

    public static XeroSimulator start() {
        return start(Options.defaults());
    }

    public static XeroSimulator start(Options options) {
        XeroSimulator simulator = new XeroSimulator(options);
        simulator.server.start();
        simulator.baseUrl = "http://localhost:" + simulator.server.port();
        return simulator;
    }

    /** The endpoint override {@code baseUrl}: {@code /api.xro/2.0} and {@code /connections} live under it. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The endpoint override {@code tokenUrl}. */
    public String tokenUrl() {
        return baseUrl + "/connect/token";
    }

    /** The endpoint override {@code authorizeUrl}: approves at once, unless told to deny. */
    public String authorizeUrl() {
        return baseUrl + AUTHORIZE_PATH;
    }

    /** From now on the authorize endpoint sends the browser back with {@code error=access_denied}. */
    public void denyAuthorizations(boolean deny) {
        identity.codes().denyAuthorizations(deny);
    }

    /** The endpoint override {@code revokeUrl}. */
    public String revokeUrl() {
        return baseUrl + REVOKE_PATH;
    }

    /** Grants revoked at {@link #revokeUrl()}, and whether it refuses to (400). */
    public Revocations revocations() {
        return identity.revocations();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- Identity -------------------------------------------------------------------------------------------

    /** A new refresh token of the default client, as if its user had authorised the app again. */
    public String issueRefreshToken() {
        return identity.issueRefreshToken(clientId);
    }

    /** Every token the token endpoint has answered: for tests that look for them where none may be. */
    public List<String> tokensHandedOut() {
        return identity.handedOut();
    }

    /** Every refresh token issued so far is refused from now on (invalid_grant): the user disconnected the app. */
    public void revokeRefreshTokens() {
        identity.revokeRefreshTokens();
    }

    /** Every access token issued so far is refused from now on (401). */
    public void expireAccessTokens() {
        identity.expireAccessTokens();
    }

    /**
     * Once {@code served} more accounting API requests were answered, every access token issued so far is refused
     * (401), as when Xero revokes a token before its time in the middle of a sync.
     */
    public void revokeAccessTokensAfter(int served) {
        traffic.revokeAccessTokensAfter(served);
    }

    /** The next {@code count} accounting API requests answer 401 as Xero's gateway does to a token it refuses. */
    public void refuseNextRequests(int count) {
        traffic.plan(count, XeroReply.problem(401, "Unauthorized", "AuthenticationUnsuccessful"));
    }

    public void setAccessTokenLifetime(Duration lifetime) {
        identity.setAccessTokenLifetime(lifetime);
    }

    /** The token endpoint waits this long before answering: widens the window of concurrent refreshes. */
    public void setTokenLatency(Duration latency) {
        identity.setTokenLatency(latency);
    }

    /**
     * Connects another organisation to the app; /connections lists it after the default one. Every access token may
     * call the API for it, seeing the same contacts, and it is rationed apart from the others.
     */
    public void addTenant(String tenantId, String name) {
        identity.addTenant(tenantId, name);
    }

    // ---- Contacts -------------------------------------------------------------------------------------------

    /** The id of generated contact {@code index} (0-based). */
    public String contactId(int index) {
        if (index < 0 || index >= contacts.generatedCount()) {
            throw new IndexOutOfBoundsException("contact " + index + " of " + contacts.generatedCount());
        }
        return contacts.idOf(index);
    }

    /** The contact as Xero would send it now, or null if there is none with this id. */
    public Map<String, Object> contact(String id) {
        ContactBook.Contact contact = contacts.current(id);
        return contact == null ? null : contact.toJson();
    }

    public void archiveContact(String id) {
        contacts.change(id, c -> c.withStatus("ARCHIVED"));
    }

    public void renameContact(String id, String name) {
        contacts.change(id, c -> c.withName(name));
    }

    /** Creates an active contact; returns its id. */
    public String createContact(String name, String email) {
        return contacts.create(name, email);
    }

    // ---- Accounts and invoices ------------------------------------------------------------------------------

    public void archiveAccount(String code) {
        ledger.setAccountStatus(code, "ARCHIVED");
    }

    public void restoreAccount(String code) {
        ledger.setAccountStatus(code, "ACTIVE");
    }

    /** The invoices created so far, as Xero answered them. */
    public List<Map<String, Object>> invoices() {
        return ledger.invoices();
    }

    // ---- Faults ---------------------------------------------------------------------------------------------

    /**
     * The next {@code count} accounting API requests answer 429 as Xero does when a limit is hit: {@code problem}
     * is {@code minute} (wait {@code retryAfterSeconds} and carry on) or {@code day} (nothing more today).
     */
    public void rateLimitNextRequests(int count, String problem, int retryAfterSeconds) {
        traffic.plan(count, XeroReply.empty(429)
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds))
                .withHeader("X-Rate-Limit-Problem", problem));
    }

    /**
     * The next {@code count} accounting API requests answer 304 Not Modified, as a conditional GET may when nothing
     * changed since its If-Modified-Since.
     */
    public void answerNotModified(int count) {
        traffic.plan(count, XeroReply.empty(304));
    }

    /** The next {@code count} accounting API requests answer this server error. */
    public void failNextRequests(int count, int status) {
        traffic.plan(count, XeroReply.json(status, Map.of("Title", "Service Unavailable", "Status", status)));
    }

    /**
     * The next {@code count} invoice requests are booked, then their connections reset before Xero's answer: only
     * the same request with the same {@code Idempotency-Key} gets the booked invoice instead of booking another.
     */
    public void dropAnswersAfterBooking(int count) {
        traffic.dropAfterBooking(count);
    }

    public void clearFaults() {
        traffic.clearPlans();
    }

    // ---- Counters -------------------------------------------------------------------------------------------

    /** Requests to the token endpoint, refused ones included. */
    public int tokenRequestCount() {
        return traffic.tokenRequests.get();
    }

    public int contactsRequestCount() {
        return traffic.contactsRequests.get();
    }

    /** The last 100 authorised Contacts requests, oldest first. */
    public List<ContactsRequest> contactsRequests() {
        return traffic.contactsLog();
    }

    /** Accounting API calls answered, of all organisations, the rationing's refusals included. */
    public long requests() {
        return rationed.requests();
    }

    /** Accounting API calls refused with 429 for being over their organisation's {@link Rationing}. */
    public long throttled() {
        return rationed.throttled();
    }

    public void resetCounters() {
        traffic.reset();
        rationed.resetCounters();
    }
}
