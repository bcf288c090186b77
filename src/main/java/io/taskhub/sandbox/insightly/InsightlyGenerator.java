package io.taskhub.sandbox.insightly;

import io.taskhub.sandbox.SeededChoice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes generated record i of a type from (seed, i) alone, so a data set of any size costs no memory. Record i
 * was last updated at {@link #BASE_STAMP} + 10 i seconds: increasing with the index, which turns an
 * {@code updated_after_utc} filter into an index range.
 */
final class InsightlyGenerator {

    /** 2023-01-01T00:00:00Z, in epoch seconds; changes made through the control API sort after every record. */
    static final long BASE_STAMP = 1_672_531_200L;
    static final long STAMP_STEP = 10;
    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    static final List<String> PROJECT_STATUSES = List.of("NOT STARTED", "IN PROGRESS", "DEFERRED", "CANCELLED",
            "ABANDONED", "COMPLETED");
    static final List<String> OPPORTUNITY_STATES = List.of("OPEN", "WON", "LOST", "ABANDONED", "SUSPENDED");
    static final List<String> TASK_STATUSES = List.of("NOT STARTED", "IN PROGRESS", "WAITING", "DEFERRED", "COMPLETED");

    private static final int[] PROJECT_WEIGHTS = {20, 35, 10, 8, 7, 20};
    private static final int[] OPPORTUNITY_WEIGHTS = {50, 15, 15, 10, 10};
    private static final int[] TASK_WEIGHTS = {30, 25, 10, 10, 25};
    private static final String[] COMPANIES = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka",
            "Hooli", "Vandelay", "Soylent", "Cyberdyne", "Tyrell", "Oscorp", "Pied Piper", "Aperture", "Blue Sun"};
    private static final String[] SUFFIXES = {"Corp", "Inc", "Ltd", "GmbH", "LLC", "Group"};
    private static final String[] FIRST_NAMES = {"Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo",
            "Ines", "Jon", "Kira", "Luis", "Mina", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara"};
    private static final String[] LAST_NAMES = {"Adams", "Brown", "Costa", "Dubois", "Evans", "Fischer", "Garcia",
            "Hansen", "Ito", "Jones", "Kowalski", "Lee", "Moreau", "Novak", "Okafor", "Patel", "Rossi", "Silva"};
    private static final String[] CITIES = {"Springfield", "Shelbyville", "Ogdenville", "Capital City", "North Haverbrook"};
    private static final String[] DEALS = {"New Business", "Renewal", "Expansion", "Upgrade", "Pilot", "Services"};
    private static final String[] PROJECTS = {"Roll-out", "Migration", "Onboarding", "Integration", "Audit", "Training"};
    private static final String[] TASKS = {"Call back", "Send proposal", "Prepare demo", "Review contract",
            "Kick-off meeting", "Follow up by email", "Update forecast", "Collect requirements"};

    private final SeededChoice choice;
    private final Map<InsightlyType, Integer> counts;
    private final List<Long> userIds;

    InsightlyGenerator(long seed, Map<InsightlyType, Integer> counts, List<Long> userIds) {
        this.choice = new SeededChoice(seed);
        this.counts = Map.copyOf(counts);
        this.userIds = List.copyOf(userIds);
    }

    static long stampOf(int index) {
        return BASE_STAMP + index * STAMP_STEP;
    }

    static String format(long epochSeconds) {
        return DATETIME.format(Instant.ofEpochSecond(epochSeconds));
    }

    /** Record {@code index} (0-based) of a type as the API shows it, top-level fields only. */
    Map<String, Object> generate(InsightlyType type, int index) {
        long stamp = stampOf(index);
        long created = stamp - 86_400L * (1 + choice.pick(type, index, 1, 300));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(type.idField(), type.id(index + 1L));
        switch (type) {
            case ORGANISATIONS -> organisation(r, index);
            case CONTACTS -> contact(r, index);
            case PROJECTS -> project(r, index, created);
            case OPPORTUNITIES -> opportunity(r, index, created);
            case LEADS -> lead(r, index, created);
            case TASKS -> task(r, index, created);
        }
        r.put("OWNER_USER_ID", user(type, index, 2));
        r.put("CREATED_USER_ID", user(type, index, 3));
        r.put("DATE_CREATED_UTC", format(created));
        r.put("DATE_UPDATED_UTC", format(stamp));
        return r;
    }

    private void organisation(Map<String, Object> r, int i) {
        InsightlyType t = InsightlyType.ORGANISATIONS;
        String company = company(t, i);
        r.put("ORGANISATION_NAME", company);
        r.put("BACKGROUND", null);
        r.put("PHONE", phone(t, i));
        r.put("PHONE_FAX", null);
        r.put("WEBSITE", "https://" + slug(company) + ".example");
        r.put("ADDRESS_BILLING_STREET", (1 + choice.pick(t, i, 10, 400)) + " Main Street");
        r.put("ADDRESS_BILLING_CITY", CITIES[choice.pick(t, i, 11, CITIES.length)]);
        r.put("ADDRESS_BILLING_STATE", null);
        r.put("ADDRESS_BILLING_POSTCODE", String.valueOf(10_000 + choice.pick(t, i, 12, 89_999)));
        r.put("ADDRESS_BILLING_COUNTRY", "United States");
    }

    private void contact(Map<String, Object> r, int i) {
        InsightlyType t = InsightlyType.CONTACTS;
        String first = FIRST_NAMES[choice.pick(t, i, 10, FIRST_NAMES.length)];
        String last = LAST_NAMES[choice.pick(t, i, 11, LAST_NAMES.length)];
        Long organisation = link(InsightlyType.ORGANISATIONS, t, i, 12);
        r.put("SALUTATION", null);
        r.put("FIRST_NAME", first);
        r.put("LAST_NAME", last);
        r.put("TITLE", null);
        r.put("EMAIL_ADDRESS", (first + "." + last + "." + (i + 1)).toLowerCase(Locale.ROOT) + "@contacts.example");
        r.put("PHONE", phone(t, i));
        r.put("PHONE_MOBILE", null);
        r.put("PHONE_FAX", null);
        r.put("ADDRESS_MAIL_STREET", (1 + choice.pick(t, i, 13, 400)) + " Elm Street");
        r.put("ADDRESS_MAIL_CITY", CITIES[choice.pick(t, i, 14, CITIES.length)]);
        r.put("ADDRESS_MAIL_STATE", null);
        r.put("ADDRESS_MAIL_POSTCODE", String.valueOf(10_000 + choice.pick(t, i, 15, 89_999)));
        r.put("ADDRESS_MAIL_COUNTRY", "United States");
        r.put("ORGANISATION_ID", organisation);
        r.put("EMAIL_OPTED_OUT", false);
    }

    private void project(Map<String, Object> r, int i, long created) {
        InsightlyType t = InsightlyType.PROJECTS;
        String status = PROJECT_STATUSES.get(choice.weighted(t, i, 10, PROJECT_WEIGHTS));
        r.put("PROJECT_NAME", company(t, i) + " " + PROJECTS[choice.pick(t, i, 11, PROJECTS.length)]);
        r.put("STATUS", status);
        r.put("PROJECT_DETAILS", null);
        r.put("STARTED_DATE", day(created + 86_400L * choice.pick(t, i, 12, 30)));
        r.put("COMPLETED_DATE", "COMPLETED".equals(status) ? day(created + 86_400L * (30 + choice.pick(t, i, 13, 90))) : null);
        r.put("OPPORTUNITY_ID", null);
        r.put("RESPONSIBLE_USER_ID", user(t, i, 14));
    }

    private void opportunity(Map<String, Object> r, int i, long created) {
        InsightlyType t = InsightlyType.OPPORTUNITIES;
        String state = OPPORTUNITY_STATES.get(choice.weighted(t, i, 10, OPPORTUNITY_WEIGHTS));
        int amount = (1 + choice.pick(t, i, 11, 200)) * 500;
        r.put("OPPORTUNITY_NAME", company(t, i) + " - " + DEALS[choice.pick(t, i, 12, DEALS.length)]);
        r.put("OPPORTUNITY_DETAILS", null);
        r.put("OPPORTUNITY_STATE", state);
        r.put("PROBABILITY", "WON".equals(state) ? 100 : "OPEN".equals(state) ? 10 * (1 + choice.pick(t, i, 13, 9)) : 0);
        r.put("BID_CURRENCY", "USD");
        r.put("BID_AMOUNT", amount);
        r.put("BID_TYPE", "Fixed Bid");
        r.put("OPPORTUNITY_VALUE", amount);
        r.put("FORECAST_CLOSE_DATE", day(created + 86_400L * (14 + choice.pick(t, i, 14, 120))));
        r.put("ACTUAL_CLOSE_DATE", "OPEN".equals(state) ? null : day(created + 86_400L * (14 + choice.pick(t, i, 15, 120))));
        r.put("ORGANISATION_ID", link(InsightlyType.ORGANISATIONS, t, i, 16));
        r.put("RESPONSIBLE_USER_ID", user(t, i, 17));
    }

    private void lead(Map<String, Object> r, int i, long created) {
        InsightlyType t = InsightlyType.LEADS;
        boolean converted = choice.pick(t, i, 10, 4) == 0;
        String first = FIRST_NAMES[choice.pick(t, i, 11, FIRST_NAMES.length)];
        String last = LAST_NAMES[choice.pick(t, i, 12, LAST_NAMES.length)];
        String company = company(t, i);
        r.put("SALUTATION", null);
        r.put("FIRST_NAME", first);
        r.put("LAST_NAME", last);
        r.put("TITLE", null);
        r.put("ORGANISATION_NAME", company);
        r.put("EMAIL", (first + "." + last).toLowerCase(Locale.ROOT) + "@" + slug(company) + ".example");
        r.put("PHONE", phone(t, i));
        r.put("WEBSITE", null);
        r.put("LEAD_STATUS_ID", 1 + choice.pick(t, i, 13, 4));
        r.put("LEAD_SOURCE_ID", 1 + choice.pick(t, i, 14, 6));
        r.put("LEAD_RATING", 1 + choice.pick(t, i, 15, 5));
        r.put("CONVERTED", converted);
        r.put("CONVERTED_DATE_UTC", converted ? format(created + 86_400L * (1 + choice.pick(t, i, 16, 30))) : null);
        r.put("RESPONSIBLE_USER_ID", user(t, i, 17));
    }

    /** About a third of the tasks belong to a project, a third to an opportunity, the rest to neither. */
    private void task(Map<String, Object> r, int i, long created) {
        InsightlyType t = InsightlyType.TASKS;
        String status = TASK_STATUSES.get(choice.weighted(t, i, 10, TASK_WEIGHTS));
        int link = choice.pick(t, i, 11, 3);
        r.put("TITLE", TASKS[choice.pick(t, i, 12, TASKS.length)] + " #" + (i + 1));
        r.put("CATEGORY_ID", null);
        r.put("DUE_DATE", day(created + 86_400L * (1 + choice.pick(t, i, 13, 60))));
        r.put("COMPLETED_DATE_UTC", "COMPLETED".equals(status) ? format(created + 86_400L) : null);
        r.put("PUBLICLY_VISIBLE", true);
        r.put("COMPLETED", "COMPLETED".equals(status));
        r.put("PROJECT_ID", link == 0 ? link(InsightlyType.PROJECTS, t, i, 14) : null);
        r.put("OPPORTUNITY_ID", link == 1 ? link(InsightlyType.OPPORTUNITIES, t, i, 15) : null);
        r.put("DETAILS", null);
        r.put("STATUS", status);
        r.put("PRIORITY", 1 + choice.pick(t, i, 16, 3));
        r.put("PERCENT_COMPLETE", "COMPLETED".equals(status) ? 100 : 10 * choice.pick(t, i, 17, 10));
        r.put("PARENT_TASK_ID", null);
        r.put("RESPONSIBLE_USER_ID", user(t, i, 18));
    }

    /** The id of a generated record of another type, or null if there are none. */
    private Long link(InsightlyType target, InsightlyType type, int index, int salt) {
        int count = counts.getOrDefault(target, 0);
        return count == 0 ? null : target.id(1L + choice.pick(type, index, salt, count));
    }

    private Long user(InsightlyType type, int index, int salt) {
        return userIds.isEmpty() ? null : userIds.get(choice.pick(type, index, salt, userIds.size()));
    }

    private String company(InsightlyType type, int index) {
        return COMPANIES[choice.pick(type, index, 20, COMPANIES.length)] + " " + SUFFIXES[choice.pick(type, index, 21, SUFFIXES.length)];
    }

    private String phone(InsightlyType type, int index) {
        return "+1 555 " + String.format("%04d", choice.pick(type, index, 22, 10_000));
    }

    private static String slug(String company) {
        return company.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String day(long epochSeconds) {
        return format(epochSeconds - Math.floorMod(epochSeconds, 86_400L));
    }

}
