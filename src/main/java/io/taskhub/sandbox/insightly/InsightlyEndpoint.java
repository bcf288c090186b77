package io.taskhub.sandbox.insightly;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.type.TypeReference;
import io.taskhub.sandbox.AuthorizationHeader;

/**
 * The simulated REST API v3.1, without HTTP plumbing: HTTP Basic with the API key as user name, {@code /Users},
 * {@code /Users/Me}, {@code /{Type}}, {@code /{Type}/Search} and {@code /{Type}/{id}} with {@code skip}, {@code top}
 * (at most 500), {@code brief}, {@code count_total} and {@code updated_after_utc}; {@code PUT /{Type}} changing the
 * fields it is sent; planned faults; counters.
 */
final class InsightlyEndpoint {

    static final String VERSION_PREFIX = "/v3.1";
    static final int LARGEST_PAGE = 500;
    private static final int DEFAULT_PAGE = 100;
    private static final int LOGGED = 200;
    private static final int DAILY_LIMIT = 100_000;

    /** {@code 2024-01-31 12:00:00}, {@code 2024-01-31T12:00:00Z}, or a day alone; always UTC. */
    private static final DateTimeFormatter SEARCH_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter(Locale.ROOT);

    private final InsightlyStore store;
    private final List<Map<String, Object>> users;
    private volatile String apiKey;
    /** Keys of further instances, each its own customer, seeing this one's records. */
    private final Set<String> otherApiKeys = ConcurrentHashMap.newKeySet();
    private final InsightlyFaults faults;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger recordsServed = new AtomicInteger();
    private final ConcurrentLinkedDeque<String> log = new ConcurrentLinkedDeque<>();

    InsightlyEndpoint(InsightlyStore store, List<Map<String, Object>> users, String apiKey, InsightlyFaults faults) {
        this.store = store;
        this.users = List.copyOf(users);
        this.apiKey = apiKey;
        this.faults = faults;
    }

    InsightlyAnswer serve(String method, String path, Map<String, String> query, String authorization, String body) {
        requests.incrementAndGet();
        log.addLast(method + " " + path + (query.isEmpty() ? "" : "?" + queryText(query)));
        while (log.size() > LOGGED) {
            log.pollFirst();
        }
        if (!accepts(user(authorization))) {
            return InsightlyAnswer.error(401, "Authorization has been denied for this request.");
        }
        InsightlyAnswer fault = faults.next();
        if (fault != null) {
            if (fault.status() == 429) {
                throttled.incrementAndGet();
            }
            return fault;
        }
        if (!method.equals("GET") && !method.equals("PUT")) {
            return InsightlyAnswer.error(405, "The requested resource does not support http method '" + method + "'.");
        }
        List<String> segments = segments(path);
        if (segments == null) {
            return notFound(path);
        }
        try {
            return method.equals("PUT") ? update(segments, body, path) : route(segments, query, path);
        } catch (BadRequest e) {
            return InsightlyAnswer.error(400, e.getMessage());
        }
    }

    void changeApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    void addApiKey(String apiKey) {
        otherApiKeys.add(apiKey);
    }

    private boolean accepts(String key) {
        return key != null && (key.equals(apiKey) || otherApiKeys.contains(key));
    }

    List<String> recentRequests() {
        return new ArrayList<>(log);
    }

    void resetCounters() {
        requests.set(0);
        throttled.set(0);
        recordsServed.set(0);
        log.clear();
    }

    private InsightlyAnswer route(List<String> segments, Map<String, String> query, String path) {
        if (segments.get(0).equalsIgnoreCase("Users")) {
            if (segments.size() == 1) {
                int skip = number(query, "skip", 0, 0, Integer.MAX_VALUE);
                int top = number(query, "top", DEFAULT_PAGE, 1, LARGEST_PAGE);
                List<Map<String, Object>> page = users.subList(Math.min(skip, users.size()),
                        Math.min(skip + top, users.size()));
                return InsightlyAnswer.json(page, rateHeaders(query, users.size()));
            }
            if (segments.size() == 2 && segments.get(1).equalsIgnoreCase("Me")) {
                return InsightlyAnswer.json(users.get(0), rateHeaders(Map.of(), 1));
            }
            return notFound(path);
        }
        InsightlyType type = InsightlyType.ofResource(segments.get(0));
        if (type == null || segments.size() > 2) {
            return notFound(path);
        }
        boolean brief = Boolean.parseBoolean(query.getOrDefault("brief", "false"));
        if (segments.size() == 2 && !segments.get(1).equalsIgnoreCase("Search")) {
            return one(type, segments.get(1), brief, path);
        }
        int skip = number(query, "skip", 0, 0, Integer.MAX_VALUE);
        int top = number(query, "top", DEFAULT_PAGE, 1, LARGEST_PAGE);
        List<InsightlyStore.Row> rows;
        int total = -1;
        if (segments.size() == 2) {
            if (query.containsKey("field_name") || query.containsKey("field_value")) {
                throw new BadRequest("field_name and field_value are not simulated; use updated_after_utc");
            }
            String after = query.get("updated_after_utc");
            rows = store.search(type, after == null ? Long.MIN_VALUE : epochSeconds(after), skip, top);
        } else {
            rows = store.list(type, skip, top);
            total = store.live(type);
        }
        List<Map<String, Object>> page = new ArrayList<>(rows.size());
        rows.forEach(row -> page.add(shown(row, brief)));
        recordsServed.addAndGet(page.size());
        return InsightlyAnswer.json(page, rateHeaders(query, total));
    }

    private InsightlyAnswer one(InsightlyType type, String idText, boolean brief, String path) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            return notFound(path);
        }
        InsightlyStore.Row row = store.current(id);
        if (row == null || row.type() != type) {
            return InsightlyAnswer.error(404, type.resource() + " " + id + " not found");
        }
        recordsServed.incrementAndGet();
        return InsightlyAnswer.json(shown(row, brief), rateHeaders(Map.of(), -1));
    }

    /** {@code PUT /{Type}} with the record's id: changes the fields it is sent (v3.1 updates partially). */
    private InsightlyAnswer update(List<String> segments, String body, String path) {
        InsightlyType type = InsightlyType.ofResource(segments.get(0));
        if (type == null || segments.size() != 1) {
            return notFound(path);
        }
        Map<String, Object> fields;
        try {
            fields = new LinkedHashMap<>(InsightlyAnswer.JSON.readValue(body == null ? "" : body,
                    new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            throw new BadRequest("The request body is not a JSON record");
        }
        Object id = fields.remove(type.idField());
        InsightlyStore.Row row = id instanceof Number number ? store.current(number.longValue()) : null;
        if (row == null || row.type() != type) {
            return InsightlyAnswer.error(404, type.resource() + " " + id + " not found");
        }
        try {
            store.update(row.id(), fields);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        return InsightlyAnswer.json(shown(store.current(row.id()), false), rateHeaders(Map.of(), -1));
    }

    /** Without {@code brief}, records carry their sub-collections; the simulator's are always empty. */
    private static Map<String, Object> shown(InsightlyStore.Row row, boolean brief) {
        if (brief) {
            return row.fields();
        }
        Map<String, Object> full = new LinkedHashMap<>(row.fields());
        full.put("CUSTOMFIELDS", List.of());
        full.put("TAGS", List.of());
        if (row.type() != InsightlyType.TASKS) {
            full.put("LINKS", List.of());
        }
        return full;
    }

    private Map<String, String> rateHeaders(Map<String, String> query, int total) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-RateLimit-Limit", String.valueOf(DAILY_LIMIT));
        headers.put("X-RateLimit-Remaining", String.valueOf(Math.max(0, DAILY_LIMIT - requests.get())));
        if (total >= 0 && Boolean.parseBoolean(query.getOrDefault("count_total", "false"))) {
            headers.put("X-Total-Count", String.valueOf(total));
        }
        return headers;
    }

    /** The path below {@code /v3.1}, split; null if it is not under it. */
    private static List<String> segments(String path) {
        if (!path.toLowerCase(Locale.ROOT).startsWith(VERSION_PREFIX + "/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(VERSION_PREFIX.length() + 1).split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments.isEmpty() ? null : segments;
    }

    /** The user name of an HTTP Basic header, or null. */
    static String user(String authorization) {
        String decoded = AuthorizationHeader.basic(authorization);
        if (decoded == null) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
    }

    private static long epochSeconds(String text) {
        try {
            var parsed = SEARCH_TIME.parseBest(text.trim(), LocalDateTime::from, LocalDate::from);
            LocalDateTime time = parsed instanceof LocalDate day ? day.atStartOfDay() : (LocalDateTime) parsed;
            return time.toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadRequest("updated_after_utc is not a valid date: " + text);
        }
    }

    private static int number(Map<String, String> query, String name, int fallback, int min, int max) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest(name + " must be a number between " + min + " and " + max + ", not " + text);
    }

    private static InsightlyAnswer notFound(String path) {
        return InsightlyAnswer.error(404, "No HTTP resource was found that matches the request URI '" + path + "'.");
    }

    private static String queryText(Map<String, String> query) {
        List<String> pairs = new ArrayList<>();
        query.forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join("&", pairs);
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
