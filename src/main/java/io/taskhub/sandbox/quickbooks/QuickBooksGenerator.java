package io.taskhub.sandbox.quickbooks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes generated record i of an entity from (seed, i) alone, so a company of any size costs no memory. Record i
 * was last updated at {@link #BASE_STAMP} + 60 i seconds: increasing with the index, which turns a
 * {@code Metadata.LastUpdatedTime >=} condition into an index range. Document i belongs to customer i modulo the
 * number of customers, so a customer's documents are found without a scan.
 *
 * <p>Stamps are written in the company's own time zone (Pacific), as QuickBooks does: {@code -08:00} in winter,
 * {@code -07:00} in summer.
 */
final class QuickBooksGenerator {

    /** 2024-01-01T00:00:00Z, in epoch seconds; changes made through the control API sort after every record. */
    static final long BASE_STAMP = 1_704_067_200L;
    static final long STAMP_STEP = 60;
    static final ZoneId COMPANY_ZONE = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(COMPANY_ZONE);

    private static final String[] BUSINESSES = {"Bayshore", "Cypress Hill", "Redwood", "Sonnenschein", "Pye's",
            "Kookies", "Jalopy", "Rondo", "Dukes", "Freeman", "Red Rock", "Diego's", "Travis", "Weiskopf"};
    private static final String[] TRADES = {"Landscaping", "Bakery", "Sporting Goods", "Diner", "Garage", "Cafe",
            "Pet Care", "Tree Service", "Family Store", "Windsurf Shop"};
    private static final String[] GIVEN = {"Amy", "Bill", "Dylan", "Geeta", "Jeff", "Kate", "Lara", "Mark", "Nick",
            "Paula", "Russ", "Shara", "Sonia", "Travis", "Wendy"};
    private static final String[] FAMILY = {"Lauterbach", "Lucchini", "Sollman", "Kalapatapu", "Chin", "Whelan",
            "Lamar", "Cho", "Rondonuwu", "Keller", "Sonnenschein", "Barnett", "Waldron", "Voss"};
    private static final String[] CITIES = {"Bayshore", "Middlefield", "Palo Alto", "Menlo Park", "San Jose"};
    private static final String[] ESTIMATE_STATUSES = {"Pending", "Accepted", "Closed", "Rejected"};
    private static final int[] ESTIMATE_WEIGHTS = {40, 25, 25, 10};

    /** A customer the generator is told to make: the first customers are these, in order. */
    record Seeded(String displayName, String companyName, String email) {
    }

    private final long seed;
    private final int customers;
    private final List<Seeded> seeded;

    QuickBooksGenerator(long seed, int customers, List<Seeded> seeded) {
        this.seed = seed;
        this.customers = customers;
        this.seeded = List.copyOf(seeded);
    }

    static long stampOf(int index) {
        return BASE_STAMP + index * STAMP_STEP;
    }

    /** {@code 2024-01-01T16:00:00-08:00}. */
    static String format(long epochSeconds) {
        return STAMP.format(Instant.ofEpochSecond(epochSeconds));
    }

    /** The customer generated document {@code index} belongs to. */
    long customerOf(int index) {
        return QuickBooksEntity.CUSTOMER.id(1L + index % customers);
    }

    Map<String, Object> generate(QuickBooksEntity entity, int index) {
        long stamp = stampOf(index);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("domain", "QBO");
        r.put("sparse", false);
        r.put("Id", String.valueOf(entity.id(index + 1L)));
        r.put("SyncToken", "0");
        r.put("MetaData", metaData(stamp - 86_400L * (1 + pick(entity, index, 1, 200)), stamp));
        switch (entity) {
            case CUSTOMER -> customer(r, index);
            case INVOICE -> invoice(r, index, stamp);
            case PAYMENT -> payment(r, index, stamp);
            case ESTIMATE -> estimate(r, index, stamp);
        }
        return r;
    }

    static Map<String, Object> metaData(long created, long updated) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("CreateTime", format(created));
        meta.put("LastUpdatedTime", format(updated));
        return meta;
    }

    private void customer(Map<String, Object> r, int i) {
        QuickBooksEntity t = QuickBooksEntity.CUSTOMER;
        Seeded seed = i < seeded.size() ? seeded.get(i) : null;
        boolean person = seed != null ? seed.companyName() == null : pick(t, i, 10, 3) == 0;
        String given = GIVEN[pick(t, i, 11, GIVEN.length)];
        String family = FAMILY[pick(t, i, 12, FAMILY.length)];
        String business = BUSINESSES[pick(t, i, 13, BUSINESSES.length)] + " " + TRADES[pick(t, i, 14, TRADES.length)];
        String displayName = seed != null ? seed.displayName()
                : (person ? given + " " + family : business) + " " + (i + 1);
        r.put("Taxable", !person);
        r.put("BillAddr", address(t, i));
        r.put("Job", false);
        r.put("BillWithParent", false);
        r.put("CurrencyRef", Map.of("value", "USD", "name", "United States Dollar"));
        r.put("PreferredDeliveryMethod", "Print");
        r.put("IsProject", false);
        if (person) {
            r.put("GivenName", seed != null ? firstWord(displayName) : given);
            r.put("FamilyName", seed != null ? lastWords(displayName) : family);
        } else {
            r.put("CompanyName", seed != null ? seed.companyName() : business + " " + (i + 1));
        }
        r.put("FullyQualifiedName", displayName);
        r.put("DisplayName", displayName);
        r.put("PrintOnCheckName", displayName);
        r.put("Active", seed != null || pick(t, i, 15, 20) != 0);
        r.put("PrimaryPhone", Map.of("FreeFormNumber", "(650) 555-" + String.format("%04d", pick(t, i, 16, 10_000))));
        String email = seed != null && seed.email() != null ? seed.email()
                : slug(displayName) + "@books.example";
        r.put("PrimaryEmailAddr", Map.of("Address", email));
        if (!person) {
            r.put("WebAddr", Map.of("URI", "https://" + slug(displayName) + ".example"));
        }
    }

    /** Half paid, some partly paid, the rest open; due 30 days after the transaction date. */
    private void invoice(Map<String, Object> r, int i, long stamp) {
        QuickBooksEntity t = QuickBooksEntity.INVOICE;
        LocalDate date = txnDate(t, i, stamp);
        BigDecimal total = amount(t, i);
        int state = pick(t, i, 20, 100);
        BigDecimal balance = state < 50 ? BigDecimal.ZERO.setScale(2)
                : state < 65 ? total.multiply(BigDecimal.valueOf(10 + pick(t, i, 21, 80)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                : total;
        r.put("DocNumber", String.valueOf(1001 + i));
        r.put("TxnDate", date.toString());
        r.put("CurrencyRef", Map.of("value", "USD", "name", "United States Dollar"));
        r.put("Line", List.of(line(total)));
        r.put("CustomerRef", customerRef(i));
        r.put("DueDate", date.plusDays(30).toString());
        r.put("TotalAmt", total);
        r.put("PrintStatus", "NeedToPrint");
        r.put("EmailStatus", "NotSet");
        r.put("Balance", balance);
    }

    private void payment(Map<String, Object> r, int i, long stamp) {
        QuickBooksEntity t = QuickBooksEntity.PAYMENT;
        BigDecimal total = amount(t, i);
        r.put("CustomerRef", customerRef(i));
        r.put("TotalAmt", total);
        r.put("UnappliedAmt", pick(t, i, 20, 5) == 0 ? total : BigDecimal.ZERO.setScale(2));
        r.put("ProcessPayment", false);
        r.put("TxnDate", txnDate(t, i, stamp).toString());
        r.put("CurrencyRef", Map.of("value", "USD", "name", "United States Dollar"));
        r.put("PaymentRefNum", String.valueOf(5001 + i));
        r.put("Line", List.of());
    }

    private void estimate(Map<String, Object> r, int i, long stamp) {
        QuickBooksEntity t = QuickBooksEntity.ESTIMATE;
        LocalDate date = txnDate(t, i, stamp);
        BigDecimal total = amount(t, i);
        r.put("DocNumber", String.valueOf(3001 + i));
        r.put("TxnDate", date.toString());
        r.put("CurrencyRef", Map.of("value", "USD", "name", "United States Dollar"));
        r.put("TxnStatus", ESTIMATE_STATUSES[weighted(t, i, 20, ESTIMATE_WEIGHTS)]);
        r.put("Line", List.of(line(total)));
        r.put("CustomerRef", customerRef(i));
        r.put("TotalAmt", total);
        r.put("ExpirationDate", date.plusDays(30).toString());
    }

    private Map<String, Object> customerRef(int index) {
        return Map.of("value", String.valueOf(customerOf(index)));
    }

    private static Map<String, Object> line(BigDecimal amount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("Id", "1");
        line.put("LineNum", 1);
        line.put("Description", "Services");
        line.put("Amount", amount);
        line.put("DetailType", "SalesItemLineDetail");
        line.put("SalesItemLineDetail", Map.of("ItemRef", Map.of("value", "1", "name", "Services"),
                "UnitPrice", amount, "Qty", 1));
        return line;
    }

    private Map<String, Object> address(QuickBooksEntity t, int i) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("Id", String.valueOf(100 + i));
        address.put("Line1", (1 + pick(t, i, 30, 9000)) + " Cypress Hill Ave.");
        address.put("City", CITIES[pick(t, i, 31, CITIES.length)]);
        address.put("CountrySubDivisionCode", "CA");
        address.put("PostalCode", String.valueOf(94000 + pick(t, i, 32, 999)));
        return address;
    }

    /** Up to two months before the record's last change, by the company's calendar. */
    private LocalDate txnDate(QuickBooksEntity t, int i, long stamp) {
        return Instant.ofEpochSecond(stamp).atZone(COMPANY_ZONE).toLocalDate().minusDays(pick(t, i, 40, 60));
    }

    private BigDecimal amount(QuickBooksEntity t, int i) {
        return BigDecimal.valueOf((20 + pick(t, i, 41, 4980)) * 100L + pick(t, i, 42, 100), 2);
    }

    private static String firstWord(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    private static String lastWords(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? null : name.substring(space + 1);
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
    }

    private int weighted(QuickBooksEntity entity, int index, int salt, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = pick(entity, index, salt, total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A uniform value in [0, bound) that depends only on the seed, the entity, the index and the salt. */
    private int pick(QuickBooksEntity entity, int index, int salt, int bound) {
        long h = mix(seed ^ mix(((long) entity.ordinal() << 56) ^ ((long) salt << 40) ^ index));
        return (int) ((h >>> 1) % bound);
    }

    // SplitMix64's finaliser: cheap, and good enough to make neighbouring indexes look unrelated.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
