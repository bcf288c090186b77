package io.taskhub.sandbox.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.taskhub.sandbox.Rationing;
import io.taskhub.sandbox.RationingTransformer;
import io.taskhub.sandbox.Revocations;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Salesforce org on localhost that speaks the REST API wire format camel-salesforce expects: the OAuth 2.0
 * refresh-token flow, token revocation, SOQL {@code query} / {@code queryAll} with paging through
 * {@code nextRecordsUrl}, and Bulk API 2.0 query jobs answering CSV ({@link BulkQueryJobs}).
 *
 * <p>Opportunities and Cases are generated deterministically from a seed on demand, so a million records cost no
 * memory; record i has SystemModstamp 2024-01-01T00:00:00Z + i seconds. Changes made through this class (update,
 * create, delete, purge, malformed records) are stamped with the current time, strictly increasing, so they sort
 * after all generated data. Fault methods make the next API requests fail the way Salesforce fails.
 *
 * <p>Thread-safe: WireMock serves requests concurrently with calls to this class.
 */
public final class SalesforceSimulator implements AutoCloseable {

    public static final String DEFAULT_CLIENT_ID = "sandbox-client";
    public static final String DEFAULT_CLIENT_SECRET = "sandbox-secret";
    public static final String DEFAULT_REFRESH_TOKEN = "sandbox-refresh-token";
    /** The API version the simulator's own links use; requests may use any {@code vNN.N}. */
    public static final String API_VERSION = "61.0";

    /**
     * Start-up options.
     *
     * @param port          the HTTP port, 0 for a free one
     * @param opportunities how many Opportunities to generate
     * @param cases         how many Cases to generate
     * @param seed          the generated data depend only on this and the counts
     * @param clientId      a connected-app client registered at start
     * @param clientSecret  its secret
     * @param refreshToken  a refresh token valid for that client
     * @param rationing     the latency of answers and each org's limits
     */
    public record Options(int port, int opportunities, int cases, long seed, String clientId, String clientSecret,
                          String refreshToken, Rationing rationing) {

        public static Options defaults() {
            return new Options(0, 300, 200, 42L, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN,
                    Rationing.none());
        }

        public Options withPort(int port) {
            return new Options(port, opportunities, cases, seed, clientId, clientSecret, refreshToken, rationing);
        }

        public Options withOpportunities(int opportunities) {
            return new Options(port, opportunities, cases, seed, clientId, clientSecret, refreshToken, rationing);
        }

        public Options withCases(int cases) {
            return new Options(port, opportunities, cases, seed, clientId, clientSecret, refreshToken, rationing);
        }

        public Options withSeed(long seed) {
            return new Options(port, opportunities, cases, seed, clientId, clientSecret, refreshToken, rationing);
        }

        public Options withClient(String clientId, String clientSecret, String refreshToken) {
            return new Options(port, opportunities, cases, seed, clientId, clientSecret, refreshToken, rationing);
        }

        public Options withRationing(Rationing rationing) {
            return new Options(port, opportunities, cases, seed, clientId, clientSecret, refreshToken, rationing);
        }
    }

    private final RecordStore store;
    private final OAuthService oauth;
    private final FaultInjector faults = new FaultInjector();
    private final SimulatorMetrics metrics = new SimulatorMetrics();
    private final BulkQueryJobs bulkJobs;
    private final SalesforceApiTransformer transformer;
    private final RationingTransformer rationed;
    private final WireMockServer server;
    private volatile String baseUrl;

    private SalesforceSimulator(Options options) {
        store = new RecordStore(options.seed(), options.opportunities(), options.cases());
        oauth = new OAuthService(() -> baseUrl);
        oauth.registerClient(options.clientId(), options.clientSecret(), options.refreshToken());
        QueryCursorStore cursors = new QueryCursorStore(System::currentTimeMillis,
                QueryCursorStore.DEFAULT_IDLE_MILLIS);
        QueryEngine engine = new QueryEngine(store);
        QueryEndpoint queries = new QueryEndpoint(oauth, engine, cursors, faults, metrics);
        bulkJobs = new BulkQueryJobs(oauth, engine, faults, metrics, System::currentTimeMillis);
        transformer = new SalesforceApiTransformer(oauth, queries, bulkJobs, metrics);
        rationed = new RationingTransformer(transformer, options.rationing(), new SalesforceRationing());
        server = rationed.newServer(options.port());
    }

    /** Starts a simulator with the default options (random port, 300 Opportunities, 200 Cases). */
    public static SalesforceSimulator start() {
        return start(Options.defaults());
    }

    public static SalesforceSimulator start(Options options) {
        SalesforceSimulator simulator = new SalesforceSimulator(options);
        simulator.server.start();
        simulator.baseUrl = "http://localhost:" + simulator.server.port();
        return simulator;
    }

    /** E.g. {@code http://localhost:PORT}: the login URL and the instance URL alike. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- OAuth ----------------------------------------------------------------------------------------------

    /**
     * Registers a connected-app client, or adds a refresh token (and sets the secret) of an existing one. Each client
     * logs in to an org of its own: its sessions name that org and are rationed apart from the others'.
     */
    public void registerClient(String clientId, String clientSecret, String refreshToken) {
        oauth.registerClient(clientId, clientSecret, refreshToken);
    }

    /** The authorize endpoint approves at once unless told to deny: then the browser returns with access_denied. */
    public void denyAuthorizations(boolean deny) {
        oauth.codes().denyAuthorizations(deny);
    }

    /** Refresh tokens revoked at {@code /services/oauth2/revoke}, and whether it refuses to (400). */
    public Revocations revocations() {
        return oauth.revocations();
    }

    /** Refresh-token rotation on or off: with it, each refresh answers a new refresh token and the used one dies. */
    public void rotateRefreshTokens(boolean rotate) {
        oauth.rotateRefreshTokens(rotate);
    }

    /** A later refresh with this token answers 400 invalid_grant; sessions already issued stay valid. */
    public void revokeRefreshToken(String refreshToken) {
        oauth.revokeRefreshToken(refreshToken);
    }

    /** Every access token the token endpoint has answered: for tests that look for them where none may be. */
    public List<String> tokensHandedOut() {
        return oauth.handedOut();
    }

    /** Every access token issued so far becomes invalid: the next API call gets 401 INVALID_SESSION_ID. */
    public void expireSessions() {
        oauth.expireSessions();
    }

    // ---- Faults ---------------------------------------------------------------------------------------------

    /** Every later answer of the token endpoint comes this much late: a slow login URL. Zero for none. */
    public void delayTokens(Duration delay) {
        transformer.delayTokens(Math.toIntExact(delay.toMillis()));
    }

    /** The next {@code count} query or next-page requests with a valid session answer this status and body. */
    public void failNextRequests(int count, int status, String jsonBody) {
        faults.plan(count, status, jsonBody);
    }

    /** The next {@code count} query requests hit Salesforce's daily API limit (403 REQUEST_LIMIT_EXCEEDED). */
    public void rateLimitNextRequests(int count) {
        faults.plan(count, 403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
    }

    /**
     * Once {@code passing} more Bulk API 2.0 results requests were answered, the next {@code count} answer this
     * status and body; the jobs and their locators stay valid.
     */
    public void failBulkResults(int passing, int count, int status, String jsonBody) {
        bulkJobs.failResults(passing, count, status, jsonBody);
    }

    /** How long a Bulk API 2.0 query job takes from its creation to JobComplete (300 ms unless told). */
    public void processBulkJobsFor(Duration duration) {
        bulkJobs.processFor(duration.toMillis());
    }

    /** Bulk API 2.0 query jobs created from now on end in this state: JobComplete (as usual), Failed or Aborted. */
    public void endBulkJobsAs(String state) {
        bulkJobs.endJobsAs(state);
    }

    /** Drops the faults that were planned and not yet served. */
    public void clearFaults() {
        faults.clear();
    }

    // ---- Data -----------------------------------------------------------------------------------------------

    /** The id of generated Opportunity {@code index} (0-based); ids sort in index order. */
    public String opportunityId(int index) {
        return generatedId(SObjectType.OPPORTUNITY, index);
    }

    /** The id of generated Case {@code index} (0-based); ids sort in index order. */
    public String caseId(int index) {
        return generatedId(SObjectType.CASE, index);
    }

    /**
     * The current state of a record, all fields, datetimes formatted as on the wire; for a malformed record the raw
     * fields as given. Null if the record does not exist or was purged; deleted records are returned.
     */
    public Map<String, Object> record(String id) {
        SObjectRecord record = store.current(id);
        return record == null ? null : record.toMap();
    }

    /**
     * Changes writable fields (Opportunity: Name, StageName, Amount, CloseDate, OwnerId, AccountId; Case: Subject,
     * Status, Priority, OwnerId). IsClosed/IsWon follow StageName or Status as in Salesforce.
     *
     * @throws IllegalArgumentException for an unknown record or field, a read-only field or a bad value
     * @throws IllegalStateException    if the record is in the recycle bin
     */
    public void update(String id, Map<String, Object> fieldChanges) {
        store.update(id, fieldChanges);
    }

    /** Creates an open or closed Opportunity owned by the API user; returns its id. */
    public String createOpportunity(String name, String stageName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", name);
        fields.put("StageName", stageName);
        fields.put("CloseDate", LocalDate.now().plusDays(30));
        fields.put("OwnerId", SalesforceIds.USER_ID);
        return store.create(SObjectType.OPPORTUNITY, fields);
    }

    /** Creates a Case with Medium priority owned by the API user; returns its id. */
    public String createCase(String subject, String status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Subject", subject);
        fields.put("Status", status);
        fields.put("Priority", "Medium");
        fields.put("OwnerId", SalesforceIds.USER_ID);
        return store.create(SObjectType.CASE, fields);
    }

    /** Moves a record to the recycle bin: IsDeleted = true, visible through queryAll only. */
    public void delete(String id) {
        store.setDeleted(id, true);
    }

    /** Restores a record from the recycle bin. */
    public void undelete(String id) {
        store.setDeleted(id, false);
    }

    /** Hard-deletes a record: it disappears even from queryAll. */
    public void purge(String id) {
        store.purge(id);
    }

    /**
     * Plants a record (new, or replacing the one with this id) whose JSON in query results is exactly
     * {@code rawFields} after the "attributes" object, whatever the SELECT list, so a test can serve a missing
     * Name or an unparseable SystemModstamp. Values should be JSON-like (String, Number, Boolean, null, List, Map).
     * The record still sorts and filters by the time it was planted. The id decides the type (006 / 500 prefix).
     */
    public void putMalformed(String id, Map<String, Object> rawFields) {
        store.putMalformed(id, rawFields);
    }

    // ---- Metrics --------------------------------------------------------------------------------------------

    /** Requests to query, queryAll, next-page locators and Bulk API 2.0 query jobs, including refused ones. */
    public int queryRequestCount() {
        return metrics.queryRequests.get();
    }

    /** Of those, the requests to Bulk API 2.0 query jobs (create, state, results). */
    public int bulkRequestCount() {
        return metrics.bulkRequests.get();
    }

    /** Records in successful query pages. */
    public int recordsServed() {
        return metrics.recordsServed.get();
    }

    /** Requests to the token endpoint, including refused ones. */
    public int tokenRequestCount() {
        return metrics.tokenRequests.get();
    }

    /** REST API calls with a session answered, of all orgs, the rationing's refusals included. */
    public long requests() {
        return rationed.requests();
    }

    /** REST API calls refused (403 REQUEST_LIMIT_EXCEEDED) for being over their org's {@link Rationing}. */
    public long throttled() {
        return rationed.throttled();
    }

    public void resetCounters() {
        metrics.reset();
        rationed.resetCounters();
    }

    /** The last 100 SOQL strings received, oldest first. */
    public List<String> soqlLog() {
        return metrics.soqlLog();
    }

    private String generatedId(SObjectType type, int index) {
        if (index < 0 || index >= store.generatedCount(type)) {
            throw new IndexOutOfBoundsException(type.apiName() + " index " + index + " of "
                    + store.generatedCount(type));
        }
        return RecordGenerator.idOf(type, index);
    }
}
