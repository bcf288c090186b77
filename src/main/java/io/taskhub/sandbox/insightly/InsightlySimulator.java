package io.taskhub.sandbox.insightly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.taskhub.sandbox.Rationing;
import io.taskhub.sandbox.RationingTransformer;

/**
 * An Insightly instance on localhost that speaks the REST API v3.1 wire format: HTTP Basic with the API key as user
 * name, {@code /v3.1/{Type}} and {@code /v3.1/{Type}/Search?updated_after_utc=} paged with {@code skip}/{@code top}
 * (at most 500), {@code /v3.1/Users} and {@code /v3.1/Users/Me}, {@code PUT /v3.1/{Type}} changing the fields it
 * is sent, and 429 with {@code Retry-After} on demand.
 *
 * <p>Organisations, contacts, projects, opportunities, leads and tasks are generated from a seed on demand, so a
 * million records cost no memory; record i was updated at 2023-01-01 00:00:00 + 10 i seconds. Changes made through
 * this class are stamped with the current second (never before generated data) and kept in a small overlay.
 * Deleted records vanish without a trace, as in Insightly: only a full listing shows they are gone.
 *
 * <p>Thread-safe: WireMock serves requests concurrently with calls to this class.
 */
public final class InsightlySimulator implements AutoCloseable {

    public static final String DEFAULT_API_KEY = "sandbox-insightly-api-key";
    public static final List<String> DEFAULT_USERS = List.of("owner@insightly.example", "sales@insightly.example",
            "support@insightly.example");
    /** User ids count from here, in the order of {@link Options#userEmails()}; the first user owns the API key. */
    private static final long FIRST_USER_ID = 1_187_001L;

    /**
     * Start-up options.
     *
     * @param port       the HTTP port, 0 for a free one
     * @param seed       the generated data depend only on this and the counts
     * @param counts     how many records of each type to generate
     * @param apiKey     the API key accepted from the start ({@link InsightlySimulator#addApiKey} adds more)
     * @param userEmails the instance's users, the first being the API key's owner; records are owned by and
     *                   assigned to them
     * @param rationing  the latency of answers and each API key's limits
     */
    public record Options(int port, long seed, Map<InsightlyType, Integer> counts, String apiKey,
                          List<String> userEmails, Rationing rationing) {

        public Options {
            counts = Map.copyOf(counts);
            userEmails = List.copyOf(userEmails);
            if (userEmails.isEmpty()) {
                throw new IllegalArgumentException("an Insightly instance has at least one user");
            }
        }

        public static Options defaults() {
            return new Options(0, 7L, sized(300), DEFAULT_API_KEY, DEFAULT_USERS, Rationing.none());
        }

        public Options withPort(int port) {
            return new Options(port, seed, counts, apiKey, userEmails, rationing);
        }

        public Options withSeed(long seed) {
            return new Options(port, seed, counts, apiKey, userEmails, rationing);
        }

        /** The same number of records of every type. */
        public Options withSize(int size) {
            return new Options(port, seed, sized(size), apiKey, userEmails, rationing);
        }

        public Options withCount(InsightlyType type, int count) {
            Map<InsightlyType, Integer> changed = new EnumMap<>(counts);
            changed.put(type, count);
            return new Options(port, seed, changed, apiKey, userEmails, rationing);
        }

        public Options withApiKey(String apiKey) {
            return new Options(port, seed, counts, apiKey, userEmails, rationing);
        }

        public Options withUsers(List<String> userEmails) {
            return new Options(port, seed, counts, apiKey, userEmails, rationing);
        }

        public Options withRationing(Rationing rationing) {
            return new Options(port, seed, counts, apiKey, userEmails, rationing);
        }

        private static Map<InsightlyType, Integer> sized(int size) {
            Map<InsightlyType, Integer> counts = new EnumMap<>(InsightlyType.class);
            for (InsightlyType type : InsightlyType.values()) {
                counts.put(type, size);
            }
            return counts;
        }
    }

    private final InsightlyStore store;
    private final InsightlyEndpoint endpoint;
    private final InsightlyFaults faults = new InsightlyFaults();
    private final Map<Long, String> users = new LinkedHashMap<>();
    private final InsightlyApiTransformer transformer;
    private final RationingTransformer rationed;
    private final WireMockServer server;

    private InsightlySimulator(Options options) {
        List<Map<String, Object>> userRecords = new ArrayList<>();
        for (String email : options.userEmails()) {
            long id = FIRST_USER_ID + users.size();
            users.put(id, email);
            userRecords.add(user(id, email, userRecords.isEmpty()));
        }
        store = new InsightlyStore(new InsightlyGenerator(options.seed(), options.counts(), List.copyOf(users.keySet())),
                options.counts());
        endpoint = new InsightlyEndpoint(store, userRecords, options.apiKey(), faults);
        transformer = new InsightlyApiTransformer(endpoint);
        rationed = new RationingTransformer(transformer, options.rationing(), new InsightlyRationing());
        server = rationed.newServer(options.port());
    }

    /** Starts a simulator with the default options (free port, 300 records of each type). */
    public static InsightlySimulator start() {
        return start(Options.defaults());
    }

    public static InsightlySimulator start(Options options) {
        InsightlySimulator simulator = new InsightlySimulator(options);
        simulator.server.start();
        return simulator;
    }

    /** {@code http://localhost:PORT/v3.1}: what an integration's {@code endpoint.baseUrl} is set to. */
    public String baseUrl() {
        return "http://localhost:" + server.port() + InsightlyEndpoint.VERSION_PREFIX;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- Data -----------------------------------------------------------------------------------------------

    /** The id of generated record {@code index} (0-based) of a type; ids grow with the index. */
    public long id(InsightlyType type, int index) {
        if (index < 0 || index >= store.count(type)) {
            throw new IndexOutOfBoundsException(type.resource() + " index " + index + " of " + store.count(type));
        }
        return type.id(index + 1L);
    }

    /** How many records of a type were generated. */
    public int generated(InsightlyType type) {
        return store.count(type);
    }

    /** The record's current fields as the API shows them with {@code brief=true}; null if none or deleted. */
    public Map<String, Object> record(long id) {
        InsightlyStore.Row row = store.current(id);
        return row == null ? null : new LinkedHashMap<>(row.fields());
    }

    /** The instance's users: USER_ID to EMAIL_ADDRESS. */
    public Map<Long, String> users() {
        return Map.copyOf(users);
    }

    /**
     * Changes fields (any but the id and the DATE_ fields), stamping the record as updated now. A task's
     * COMPLETED follows its STATUS, and the other way round.
     *
     * @throws IllegalArgumentException for an unknown record or field
     */
    public void update(long id, Map<String, Object> changes) {
        store.update(id, changes);
    }

    /** Creates a record of a type with generated fields and these changes; returns its id. */
    public long create(InsightlyType type, Map<String, Object> fields) {
        return store.create(type, fields);
    }

    /** Deletes a record: it vanishes from lists, searches and reads. */
    public void delete(long id) {
        store.delete(id);
    }

    /** The user regenerated their API key: from now on it is accepted instead of the old one. */
    public void changeApiKey(String apiKey) {
        endpoint.changeApiKey(apiKey);
    }

    /** Accepts a further API key, another customer's: it sees the same records and is rationed on its own. */
    public void addApiKey(String apiKey) {
        endpoint.addApiKey(apiKey);
    }

    // ---- Faults ---------------------------------------------------------------------------------------------

    /** The next {@code count} requests with a valid key answer 429 with {@code Retry-After: seconds}. */
    public void throttleNextRequests(int count, int seconds) {
        faults.throttle(count, seconds);
    }

    /** The next {@code count} requests with a valid key answer this error status. */
    public void failNextRequests(int count, int status) {
        faults.fail(count, status);
    }

    /** Every later answer comes this much late: a slow instance, whose syncs last long enough to watch. Zero: none. */
    public void delayAnswers(Duration delay) {
        transformer.delay(Math.toIntExact(delay.toMillis()));
    }

    public void clearFaults() {
        faults.clear();
    }

    // ---- Counters -------------------------------------------------------------------------------------------

    /** Every request received, refused ones included, but for those the rationing refused. */
    public int requestCount() {
        return endpoint.requests.get();
    }

    /** Requests answered 429 as planned; {@link #throttled()} counts the rationing's. */
    public int throttledCount() {
        return endpoint.throttled.get();
    }

    /** Records in successful answers. */
    public int recordsServed() {
        return endpoint.recordsServed.get();
    }

    /** The last 200 requests as {@code GET /v3.1/Contacts/Search?updated_after_utc=...}, oldest first. */
    public List<String> requestLog() {
        return endpoint.recentRequests();
    }

    /** API calls answered, of all API keys, the rationing's refusals included. */
    public long requests() {
        return rationed.requests();
    }

    /** API calls refused with 429 for being over their API key's {@link Rationing}. */
    public long throttled() {
        return rationed.throttled();
    }

    public void resetCounters() {
        endpoint.resetCounters();
        rationed.resetCounters();
    }

    private static Map<String, Object> user(long id, String email, boolean owner) {
        String local = email.substring(0, Math.max(0, email.indexOf('@')));
        String first = local.isEmpty() ? "User" : Character.toUpperCase(local.charAt(0)) + local.substring(1);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("USER_ID", id);
        user.put("CONTACT_ID", null);
        user.put("FIRST_NAME", first);
        user.put("LAST_NAME", "Insightly");
        user.put("TIMEZONE_ID", "GMT Standard Time");
        user.put("EMAIL_ADDRESS", email);
        user.put("EMAIL_DROPBOX_IDENTIFIER", local.toLowerCase(Locale.ROOT) + "-" + id);
        user.put("ADMINISTRATOR", owner);
        user.put("ACCOUNT_OWNER", owner);
        user.put("ACTIVE", true);
        user.put("DATE_CREATED_UTC", InsightlyGenerator.format(InsightlyGenerator.BASE_STAMP));
        user.put("DATE_UPDATED_UTC", InsightlyGenerator.format(InsightlyGenerator.BASE_STAMP));
        user.put("USER_CURRENCY", "USD");
        return user;
    }
}
