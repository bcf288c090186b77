package io.taskhub.sandbox.quickbooks;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import io.taskhub.sandbox.FormEncoding;
import io.taskhub.sandbox.PlannedAnswers;

/**
 * The simulated QuickBooks Online API v3 without HTTP plumbing: Intuit's token endpoint, and under
 * {@code /v3/company/{realmId}} the query endpoint, change data capture, company info, customer reads, creates and
 * sparse updates, and reads of invoices, payments and estimates. Planned faults, counters and a request log.
 */
final class QuickBooksEndpoint {

    static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";
    static final String AUTHORIZE_PATH = "/connect/oauth2";
    /** {@code SELECT COUNT(*) FROM ...}: answered {@code totalCount}, as QuickBooks does. */
    private static final Pattern COUNT = Pattern.compile("(?is)\\s*SELECT\\s+COUNT\\(\\*\\)\\s+(FROM\\s.*)");
    static final String REVOKE_PATH = "/v2/oauth2/tokens/revoke";
    static final String COMPANY_PREFIX = "/v3/company/";
    /** Change data capture looks back at most this far, as in QuickBooks. */
    private static final long CDC_WINDOW_SECONDS = 30L * 86_400;
    private static final int CDC_LIMIT = 1000;
    private static final int LOGGED = 200;

    private final QuickBooksIdentity identity;
    private final QuickBooksCompany company;
    private final String realmId;
    /** The companies connected to the app: the simulator's own first, then more sharing its data. */
    private final Set<String> realmIds = ConcurrentHashMap.newKeySet();
    private final String companyName;
    private final PlannedAnswers<QuickBooksReply> planned = new PlannedAnswers<>();
    private final ConcurrentLinkedDeque<String> log = new ConcurrentLinkedDeque<>();
    /** A record of each entity to delete once the entity's first page was answered. */
    private final Map<QuickBooksEntity, Long> deleteAfterFirstPage = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger queryRequests = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();

    QuickBooksEndpoint(QuickBooksIdentity identity, QuickBooksCompany company, String realmId, String companyName) {
        this.identity = identity;
        this.company = company;
        this.realmId = realmId;
        this.realmIds.add(realmId);
        this.companyName = companyName;
    }

    QuickBooksReply serve(String method, String path, String queryText, String authorization, String body) {
        requests.incrementAndGet();
        log.addLast(method + " " + path + (queryText.isEmpty() ? "" : "?" + queryText));
        while (log.size() > LOGGED) {
            log.pollFirst();
        }
        if (path.equals(AUTHORIZE_PATH) && method.equals("GET")) {
            return identity.authorize(FormEncoding.parse(queryText), realmId);
        }
        if (path.equals(REVOKE_PATH) && method.equals("POST")) {
            return identity.revoke(authorization, body);
        }
        if (path.equals(TOKEN_PATH) && method.equals("POST")) {
            tokenRequests.incrementAndGet();
            return identity.token(authorization, body);
        }
        if (!path.startsWith(COMPANY_PREFIX)) {
            return QuickBooksReply.fault(404, "SERVICE", "4", "Unsupported Operation", "Operation " + path
                    + " is not supported.");
        }
        String refusal = identity.refusal(authorization);
        if (refusal != null) {
            return QuickBooksReply.unauthorized(refusal);
        }
        String[] segments = path.substring(COMPANY_PREFIX.length()).split("/");
        if (!realmIds.contains(segments[0])) {
            return QuickBooksReply.fault(403, "AUTHORIZATION", "3100",
                    "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
                    "The app is not connected to company " + segments[0]);
        }
        QuickBooksReply fault = nextPlanned();
        if (fault != null) {
            return fault;
        }
        Map<String, String> query = FormEncoding.parse(queryText);
        String resource = segments.length > 1 ? segments[1].toLowerCase(Locale.ROOT) : "";
        String id = segments.length > 2 ? segments[2] : null;
        try {
            return switch (resource) {
                case "query" -> method.equals("GET") ? query(query.get("query")) : unsupported(method, path);
                case "cdc" -> method.equals("GET") ? changes(query) : unsupported(method, path);
                case "companyinfo" -> method.equals("GET") && segments[0].equals(id) ? companyInfo()
                        : unsupported(method, path);
                case "customer" -> method.equals("POST") && id == null ? writeCustomer(body)
                        : method.equals("GET") && id != null ? read(QuickBooksEntity.CUSTOMER, id)
                        : unsupported(method, path);
                case "invoice", "payment", "estimate" -> method.equals("GET") && id != null
                        ? read(QuickBooksEntity.named(resource), id) : unsupported(method, path);
                default -> unsupported(method, path);
            };
        } catch (QuickBooksQuery.Invalid e) {
            return QuickBooksReply.fault(400, "ValidationFault", "4000", "Error parsing query",
                    "QueryParserError: " + e.getMessage());
        }
    }

    void addCompany(String realmId) {
        realmIds.add(realmId);
    }

    void plan(int count, QuickBooksReply reply) {
        planned.plan(count, reply);
    }

    void deleteAfterFirstPage(long id) {
        deleteAfterFirstPage.put(company.entityOf(id), id);
    }

    void clearPlans() {
        planned.clear();
    }

    List<String> recentRequests() {
        return new ArrayList<>(log);
    }

    void resetCounters() {
        for (AtomicInteger counter : List.of(requests, tokenRequests, queryRequests, throttled)) {
            counter.set(0);
        }
        log.clear();
    }

    private QuickBooksReply nextPlanned() {
        QuickBooksReply reply = planned.next();
        if (reply != null && (reply.status() == 429 || new String(reply.body()).contains("\"3001\""))) {
            throttled.incrementAndGet();
        }
        return reply;
    }

    private QuickBooksReply query(String text) {
        queryRequests.incrementAndGet();
        if (text == null || text.isBlank()) {
            throw new QuickBooksQuery.Invalid("Encountered \"<EOF>\": the query parameter is missing");
        }
        Matcher counting = COUNT.matcher(text);
        if (counting.matches()) {
            return QuickBooksReply.answer(Map.of("QueryResponse", Map.of("totalCount",
                    total(QuickBooksQuery.parse("SELECT * " + counting.group(1))))));
        }
        QuickBooksQuery query = QuickBooksQuery.parse(text);
        List<Map<String, Object>> records = company.query(query);
        Long deleting = query.start() == 1 ? deleteAfterFirstPage.remove(query.entity()) : null;
        if (deleting != null) {
            company.delete(deleting);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        if (!records.isEmpty()) {
            response.put(query.entity().entityName(), records);
            response.put("startPosition", query.start());
            response.put("maxResults", records.size());
        }
        return QuickBooksReply.answer(Map.of("QueryResponse", response));
    }

    /** What the query's pages would list, read page by page: the same filters, Active's default included. */
    private long total(QuickBooksQuery query) {
        long total = 0;
        for (int start = 1; ; start += QuickBooksQuery.LARGEST_PAGE) {
            int page = company.query(new QuickBooksQuery(query.entity(), query.conditions(), start,
                    QuickBooksQuery.LARGEST_PAGE)).size();
            total += page;
            if (page < QuickBooksQuery.LARGEST_PAGE) {
                return total;
            }
        }
    }

    private QuickBooksReply changes(Map<String, String> query) {
        String since = query.get("changedSince");
        long changedSince;
        try {
            changedSince = OffsetDateTime.parse(since == null ? "" : since).toEpochSecond();
        } catch (DateTimeParseException e) {
            return QuickBooksReply.fault(400, "ValidationFault", "2010", "Request has invalid or unsupported property",
                    "changedSince must be a date-time with an offset, not " + since);
        }
        if (changedSince < System.currentTimeMillis() / 1000 - CDC_WINDOW_SECONDS) {
            return QuickBooksReply.fault(400, "ValidationFault", "2010", "Request has invalid or unsupported property",
                    "changedSince must be within the last 30 days");
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        for (String name : query.getOrDefault("entities", "").split(",")) {
            QuickBooksEntity entity = QuickBooksEntity.named(name.trim());
            if (entity == null) {
                return QuickBooksReply.fault(400, "ValidationFault", "2010",
                        "Request has invalid or unsupported property", "Unknown entity in entities: " + name);
            }
            List<Map<String, Object>> changed = company.changes(entity, changedSince, CDC_LIMIT);
            Map<String, Object> part = new LinkedHashMap<>();
            if (!changed.isEmpty()) {
                part.put(entity.entityName(), changed);
            }
            part.put("startPosition", 1);
            part.put("maxResults", changed.size());
            part.put("totalCount", changed.size());
            parts.add(part);
        }
        return QuickBooksReply.answer(Map.of("CDCResponse", List.of(Map.of("QueryResponse", parts))));
    }

    private QuickBooksReply companyInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("CompanyName", companyName);
        info.put("LegalName", companyName);
        info.put("CompanyAddr", Map.of("Id", "1", "Line1", "2500 Garcia Ave", "City", "Mountain View",
                "CountrySubDivisionCode", "CA", "PostalCode", "94043"));
        info.put("Country", "US");
        info.put("FiscalYearStartMonth", "January");
        info.put("SupportedLanguages", "en");
        info.put("domain", "QBO");
        info.put("sparse", false);
        info.put("Id", "1");
        info.put("SyncToken", "4");
        info.put("MetaData", QuickBooksGenerator.metaData(QuickBooksGenerator.BASE_STAMP,
                QuickBooksGenerator.BASE_STAMP));
        return QuickBooksReply.answer(Map.of("CompanyInfo", info));
    }

    private QuickBooksReply read(QuickBooksEntity entity, String idText) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            return notFound(entity, idText);
        }
        Map<String, Object> record = company.entityOf(id) == entity ? company.shown(id) : null;
        return record == null ? notFound(entity, idText) : QuickBooksReply.answer(Map.of(entity.entityName(), record));
    }

    /** A create without {@code Id}; a sparse update with {@code Id}, {@code SyncToken} and {@code sparse: true}. */
    private QuickBooksReply writeCustomer(String body) {
        Map<String, Object> fields;
        try {
            fields = QuickBooksReply.JSON.readValue(body == null ? "" : body, new TypeReference<>() { });
        } catch (IOException e) {
            return QuickBooksReply.fault(400, "ValidationFault", "2500", "Invalid Request",
                    "The request body is not a JSON customer");
        }
        Object id = fields.get("Id");
        String displayName = fields.get("DisplayName") == null ? null : fields.get("DisplayName").toString();
        if (id == null) {
            if (displayName == null || displayName.isBlank()) {
                return QuickBooksReply.fault(400, "ValidationFault", "2020", "Required param missing, need to "
                        + "supply the required value for the API", "Required parameter DisplayName is missing");
            }
            if (company.nameTaken(displayName, -1)) {
                return duplicateName(displayName);
            }
            return QuickBooksReply.answer(Map.of("Customer", company.create(QuickBooksEntity.CUSTOMER, fields)));
        }
        long customerId;
        try {
            customerId = Long.parseLong(id.toString());
        } catch (NumberFormatException e) {
            return notFound(QuickBooksEntity.CUSTOMER, id.toString());
        }
        Map<String, Object> current = company.entityOf(customerId) == QuickBooksEntity.CUSTOMER
                ? company.shown(customerId) : null;
        if (current == null) {
            return notFound(QuickBooksEntity.CUSTOMER, id.toString());
        }
        if (!Boolean.TRUE.equals(fields.get("sparse"))) {
            return QuickBooksReply.fault(400, "ValidationFault", "2010", "Request has invalid or unsupported "
                    + "property", "The simulator updates customers sparsely only: send sparse: true");
        }
        if (!String.valueOf(current.get("SyncToken")).equals(String.valueOf(fields.get("SyncToken")))) {
            return QuickBooksReply.fault(400, "ValidationFault", "5010", "Stale Object Error", "Stale Object Error : "
                    + "You and another user were working on this at the same time. They finished before you did, "
                    + "so your work was not saved.");
        }
        if (displayName != null && company.nameTaken(displayName, customerId)) {
            return duplicateName(displayName);
        }
        return QuickBooksReply.answer(Map.of("Customer", company.update(customerId, fields)));
    }

    private static QuickBooksReply duplicateName(String name) {
        return QuickBooksReply.fault(400, "ValidationFault", "6240", "Duplicate Name Exists Error",
                "The name supplied already exists. : Another customer, vendor or employee is already using this "
                        + "name (" + name + "). Please use a different name.");
    }

    private static QuickBooksReply notFound(QuickBooksEntity entity, String id) {
        return QuickBooksReply.fault(400, "ValidationFault", "610", "Object Not Found",
                "Object Not Found : Something you're trying to use has been made inactive. " + entity.entityName()
                        + " " + id + " does not exist.");
    }

    private static QuickBooksReply unsupported(String method, String path) {
        return QuickBooksReply.fault(400, "ValidationFault", "4", "Unsupported Operation",
                "Operation " + method + " " + path + " is not supported.");
    }
}
