package io.taskhub.sandbox.salesforce;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST query resources: {@code query}, {@code queryAll} and the next-page locators. Checks the session, then
 * planned faults, then the SOQL, in the order the real API would fail.
 */
final class QueryEndpoint {

    static final int DEFAULT_BATCH_SIZE = 2000;
    static final int MIN_BATCH_SIZE = 200;

    private final OAuthService oauth;
    private final QueryEngine engine;
    private final QueryCursorStore cursors;
    private final FaultInjector faults;
    private final SimulatorMetrics metrics;

    QueryEndpoint(OAuthService oauth, QueryEngine engine, QueryCursorStore cursors, FaultInjector faults,
                  SimulatorMetrics metrics) {
        this.oauth = oauth;
        this.engine = engine;
        this.cursors = cursors;
        this.faults = faults;
        this.metrics = metrics;
    }

    /** {@code SELECT COUNT() FROM ...}: counts what {@code SELECT Id FROM ...} would list, and lists nothing. */
    private static final Pattern COUNT = Pattern.compile("(?is)\\s*SELECT\\s+COUNT\\(\\)\\s+(FROM\\s.*)");

    ApiResponse query(String version, String soql, boolean all, String authorization, String queryOptions) {
        metrics.queryRequests.incrementAndGet();
        metrics.logSoql(soql);
        ApiResponse refusal = refusal(authorization);
        if (refusal != null) {
            return refusal;
        }
        try {
            Matcher counting = soql == null ? null : COUNT.matcher(soql);
            if (counting != null && counting.matches()) {
                long matching = engine.count(engine.plan(SoqlParser.parse("SELECT Id " + counting.group(1)), all));
                return ApiResponse.json(200, Map.of("totalSize", matching, "done", true, "records", List.of()));
            }
            QueryEngine.Plan plan = engine.plan(SoqlParser.parse(soql), all);
            long count = engine.count(plan);
            int limit = plan.query.limit();
            long total = limit >= 0 ? Math.min(count, limit) : count;
            int batchSize = batchSize(queryOptions, DEFAULT_BATCH_SIZE);
            return page(version, plan, total, batchSize, new QueryCursor.Position(0, null), null);
        } catch (SalesforceApiException e) {
            return ApiResponse.error(e);
        }
    }

    /** {@code locatorAndOffset} is the last path segment of a nextRecordsUrl, e.g. {@code 01gDn...-2000}. */
    ApiResponse queryMore(String version, String locatorAndOffset, String authorization, String queryOptions) {
        metrics.queryRequests.incrementAndGet();
        ApiResponse refusal = refusal(authorization);
        if (refusal != null) {
            return refusal;
        }
        int dash = locatorAndOffset.lastIndexOf('-');
        QueryCursor cursor = dash > 0 ? cursors.get(locatorAndOffset.substring(0, dash)) : null;
        QueryCursor.Position position = cursor == null ? null : cursor.positionAt(parseOffset(locatorAndOffset, dash));
        if (position == null) {
            return ApiResponse.error(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int batchSize = batchSize(queryOptions, cursor.batchSize);
        return page(version, cursor.plan, cursor.totalSize, batchSize, position, cursor);
    }

    private ApiResponse page(String version, QueryEngine.Plan plan, long total, int batchSize,
                             QueryCursor.Position position, QueryCursor cursor) {
        int limit = plan.query.limit();
        int pageSize = limit >= 0 ? Math.min(batchSize, limit - position.served()) : batchSize;
        List<SObjectRecord> records = pageSize <= 0 ? List.of() : engine.fetch(plan, position.last(), pageSize + 1);
        boolean done = records.size() <= pageSize;
        if (!done) {
            records = records.subList(0, pageSize);
        }
        int served = position.served() + records.size();
        if (limit >= 0 && served >= limit) {
            done = true;
        }
        String nextUrl = null;
        if (!done) {
            QueryCursor.Position next = new QueryCursor.Position(served, records.get(records.size() - 1));
            if (cursor == null) {
                cursor = cursors.open(plan, total, batchSize, next);
            } else {
                cursor.advance(position, next);
            }
            nextUrl = "/services/data/v" + version + "/query/" + cursor.locator + "-" + served;
        } else if (cursor != null) {
            cursors.close(cursor);
        }
        metrics.recordsServed.addAndGet(records.size());
        return new ApiResponse(200, QueryResponseWriter.write(total, done, nextUrl, records, plan.query.fields(),
                version));
    }

    private ApiResponse refusal(String authorization) {
        if (!oauth.isAuthorized(authorization)) {
            return ApiResponse.error(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }
        return faults.next();
    }

    private static int parseOffset(String locatorAndOffset, int dash) {
        try {
            return Integer.parseInt(locatorAndOffset.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code Sforce-Query-Options: batchSize=N}; Salesforce keeps N within 200..2000. */
    static int batchSize(String queryOptions, int fallback) {
        if (queryOptions == null) {
            return fallback;
        }
        for (String option : queryOptions.split(",")) {
            String[] pair = option.split("=", 2);
            if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("batchsize")) {
                try {
                    int n = Integer.parseInt(pair[1].trim());
                    return Math.max(MIN_BATCH_SIZE, Math.min(DEFAULT_BATCH_SIZE, n));
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
        }
        return fallback;
    }
}
