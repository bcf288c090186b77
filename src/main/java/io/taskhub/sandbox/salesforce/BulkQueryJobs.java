package io.taskhub.sandbox.salesforce;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bulk API 2.0 query jobs: {@code POST jobs/query} plans the query at once (its snapshot), {@code GET jobs/query/{id}}
 * moves from UploadComplete through InProgress to JobComplete after the processing time, and
 * {@code GET jobs/query/{id}/results?locator=&maxRecords=} answers CSV sets with {@code Sforce-Locator} (the string
 * {@code null} after the last) and {@code Sforce-NumberOfRecords}. Results come in Id order, not by SystemModstamp.
 */
final class BulkQueryJobs {

    static final Pattern PATH = Pattern.compile("/services/data/v(\\d+\\.\\d+)/jobs/query(?:/([^/]+)(/results)?)?");
    static final int DEFAULT_MAX_RECORDS = 50_000;
    private static final String JOB_PREFIX = "750";
    private static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "TAB", '\t', "PIPE", '|',
            "SEMICOLON", ';', "CARET", '^', "BACKQUOTE", '`');

    private final OAuthService oauth;
    private final QueryEngine engine;
    private final FaultInjector faults;
    private final FaultInjector resultFaults = new FaultInjector();
    private final AtomicInteger resultsBeforeFaults = new AtomicInteger();
    private final SimulatorMetrics metrics;
    private final LongSupplier clock;
    private final Map<String, BulkQueryJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile long processingMillis = 300;
    private volatile String endState = "JobComplete";

    BulkQueryJobs(OAuthService oauth, QueryEngine engine, FaultInjector faults, SimulatorMetrics metrics,
                  LongSupplier clock) {
        this.oauth = oauth;
        this.engine = engine;
        this.faults = faults;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** How long a job takes from its creation to JobComplete. */
    void processFor(long millis) {
        processingMillis = millis;
    }

    /** Jobs created from now on end in this state: JobComplete, Failed or Aborted. */
    void endJobsAs(String state) {
        endState = state;
    }

    /**
     * Once {@code passing} more results requests were answered, the {@code count} after them answer this status and
     * body (the job and its locators stay valid).
     */
    void failResults(int passing, int count, int status, String jsonBody) {
        resultsBeforeFaults.set(passing);
        resultFaults.plan(count, status, jsonBody);
    }

    ApiResponse handle(String method, Matcher path, Map<String, String> query, String body, String authorization) {
        metrics.queryRequests.incrementAndGet();
        metrics.bulkRequests.incrementAndGet();
        if (!oauth.isAuthorized(authorization)) {
            return ApiResponse.error(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }
        ApiResponse planned = path.group(3) == null ? faults.next()
                : resultsBeforeFaults.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? null : resultFaults.next();
        if (planned != null) {
            return planned;
        }
        String version = path.group(1);
        String id = path.group(2);
        try {
            if (id == null && method.equals("POST")) {
                return create(version, body);
            }
            BulkQueryJob job = id == null ? null : jobs.get(id);
            if (job == null || !method.equals("GET")) {
                return ApiResponse.error(404, "NOT_FOUND", "The requested resource does not exist");
            }
            return path.group(3) == null ? ApiResponse.json(200, describe(job, version)) : results(job, query);
        } catch (SalesforceApiException e) {
            return ApiResponse.error(e);
        }
    }

    private ApiResponse create(String version, String body) {
        JsonNode request;
        try {
            request = ApiResponse.JSON.readTree(body == null ? "" : body);
        } catch (java.io.IOException e) {
            return ApiResponse.error(400, "JSON_PARSER_ERROR", "The request body is not JSON");
        }
        String operation = request.path("operation").asText("");
        if (!operation.equals("query") && !operation.equals("queryAll")) {
            return ApiResponse.error(400, "INVALIDJOB", "operation must be query or queryAll: " + operation);
        }
        if (!request.path("contentType").asText("CSV").equals("CSV")) {
            return ApiResponse.error(400, "INVALIDJOB", "contentType must be CSV");
        }
        Character delimiter = DELIMITERS.get(request.path("columnDelimiter").asText("COMMA"));
        if (delimiter == null) {
            return ApiResponse.error(400, "INVALIDJOB", "unknown columnDelimiter");
        }
        String soql = request.path("query").asText(null);
        metrics.logSoql(soql);
        QueryEngine.Plan plan = engine.plan(SoqlParser.parse(soql), operation.equals("queryAll"));
        long total = engine.count(plan);
        String lineEnding = request.path("lineEnding").asText("LF").equals("CRLF") ? "\r\n" : "\n";
        BulkQueryJob job = new BulkQueryJob(SalesforceIds.of(JOB_PREFIX, counter.incrementAndGet()), operation,
                plan, total, clock.getAsLong(), delimiter, lineEnding, endState);
        jobs.put(job.id, job);
        return ApiResponse.json(200, describe(job, version));
    }

    private Map<String, Object> describe(BulkQueryJob job, String version) {
        String state = job.state(clock.getAsLong(), processingMillis);
        String created = SalesforceDateTimes.format(job.createdMillis);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", job.id);
        answer.put("operation", job.operation);
        answer.put("object", job.plan.query.type().apiName());
        answer.put("createdById", SalesforceIds.USER_ID);
        answer.put("createdDate", created);
        answer.put("systemModstamp", created);
        answer.put("state", state);
        answer.put("concurrencyMode", "Parallel");
        answer.put("contentType", "CSV");
        answer.put("apiVersion", Double.parseDouble(version));
        answer.put("lineEnding", job.lineEnding.equals("\n") ? "LF" : "CRLF");
        answer.put("columnDelimiter", DELIMITERS.entrySet().stream().filter(e -> e.getValue() == job.delimiter)
                .map(Map.Entry::getKey).findFirst().orElse("COMMA"));
        if (state.equals("JobComplete")) {
            answer.put("numberRecordsProcessed", job.total);
            answer.put("retries", 0);
            answer.put("totalProcessingTime", processingMillis);
        } else if (state.equals("Failed")) {
            answer.put("errorMessage", "InternalServerError: the query could not be completed");
        }
        return answer;
    }

    private ApiResponse results(BulkQueryJob job, Map<String, String> query) {
        if (!job.state(clock.getAsLong(), processingMillis).equals("JobComplete")) {
            return ApiResponse.error(400, "JOB_NOT_COMPLETE", "can only download query results of successfully "
                    + "completed bulk job with status: JOB_COMPLETE");
        }
        Integer offset = offset(query.get("locator"));
        if (offset == null || !job.startsAt(offset)) {
            return ApiResponse.error(400, "INVALID_LOCATOR", "invalid locator");
        }
        int max = maxRecords(query.get("maxRecords"));
        List<SObjectRecord> records = engine.fetch(job.plan, job.before(offset), max + 1);
        boolean last = records.size() <= max;
        if (!last) {
            records = records.subList(0, max);
            job.startAt(offset + max, records.get(max - 1));
        }
        metrics.recordsServed.addAndGet(records.size());
        byte[] csv = new BulkCsvWriter(job.delimiter, job.lineEnding).write(job.plan.query.fields(), records);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/csv");
        headers.put("Sforce-Locator", last ? "null" : locator(offset + max));
        headers.put("Sforce-NumberOfRecords", Integer.toString(records.size()));
        return new ApiResponse(200, csv, null, headers);
    }

    /** Salesforce's locators are the offset in Base64; none is the first set. Null if it is not one. */
    private static Integer offset(String locator) {
        if (locator == null || locator.isEmpty()) {
            return 0;
        }
        try {
            return Integer.valueOf(new String(Base64.getDecoder().decode(locator), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String locator(int offset) {
        return Base64.getEncoder().withoutPadding().encodeToString(
                Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int maxRecords(String value) {
        try {
            return value == null ? DEFAULT_MAX_RECORDS : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new SalesforceApiException(400, "INVALID_FIELD", "maxRecords must be a number: " + value);
        }
    }
}
