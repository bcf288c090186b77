package io.taskhub.sandbox.xero;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The organisation's contacts: {@code generated} of them computed from (seed, index) alone, so a million cost no
 * memory, and an overlay of the ones changed or created since start. Generated contact i was last updated at
 * 2024-01-01T00:00:00Z + i seconds; every change is stamped with the current time, strictly increasing, so it sorts
 * after all generated data.
 */
final class ContactBook {

    /** One contact as the simulator keeps it; {@link #toJson()} is how Xero sends it. */
    record Contact(String id, String number, String name, String firstName, String lastName, String email,
                   String phone, String city, String status, long updated) {

        Contact withStatus(String newStatus) {
            return new Contact(id, number, name, firstName, lastName, email, phone, city, newStatus, updated);
        }

        Contact withName(String newName) {
            return new Contact(id, number, newName, firstName, lastName, email, phone, city, status, updated);
        }

        Contact stamped(long stamp) {
            return new Contact(id, number, name, firstName, lastName, email, phone, city, status, stamp);
        }

        boolean archived() {
            return status.equals("ARCHIVED");
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ContactID", id);
            json.put("ContactNumber", number);
            json.put("ContactStatus", status);
            json.put("Name", name);
            json.put("FirstName", firstName);
            json.put("LastName", lastName);
            json.put("EmailAddress", email);
            json.put("Addresses", List.of(
                    Map.of("AddressType", "POBOX", "City", "", "Region", "", "PostalCode", "", "Country", ""),
                    address()));
            json.put("Phones", List.of(
                    Map.of("PhoneType", "DEFAULT", "PhoneNumber", phone, "PhoneAreaCode", "04",
                            "PhoneCountryCode", "64"),
                    Map.of("PhoneType", "MOBILE", "PhoneNumber", "", "PhoneAreaCode", "", "PhoneCountryCode", "")));
            json.put("UpdatedDateUTC", XeroReply.date(updated));
            json.put("ContactGroups", List.of());
            json.put("IsSupplier", false);
            json.put("IsCustomer", true);
            json.put("HasAttachments", false);
            return json;
        }

        private Map<String, Object> address() {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("AddressType", "STREET");
            address.put("AddressLine1", (number.hashCode() & 0xff) + " " + city + " Road");
            address.put("City", city);
            address.put("Region", "");
            address.put("PostalCode", "60" + (Math.abs(id.hashCode()) % 90 + 10));
            address.put("Country", "New Zealand");
            return address;
        }
    }

    /** One page as asked for, and how many contacts match in all. */
    record Page(List<Contact> contacts, int total) {
    }

    static final long BASE_STAMP = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    static final long STAMP_STEP = 1000;

    private static final String[] COMPANIES = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka",
            "Hooli", "Vandelay", "Soylent", "Cyberdyne", "Tyrell", "Oscorp", "Aperture", "Monarch", "Gringotts"};
    private static final String[] SUFFIXES = {"Ltd", "Limited", "Group", "Partners", "Trading", "Holdings"};
    private static final String[] FIRST = {"Aroha", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hemi", "Isla",
            "Jack", "Kiri", "Liam", "Mia", "Noah", "Olivia", "Priya"};
    private static final String[] LAST = {"Walker", "Ngata", "Smith", "Patel", "Brown", "Wilson", "Taylor", "Chen",
            "Singh", "Martin", "Roberts", "Parata"};
    private static final String[] CITIES = {"Wellington", "Auckland", "Christchurch", "Dunedin", "Nelson",
            "Hamilton", "Napier", "Tauranga"};

    private final long seed;
    private final String idPrefix;
    private final int generated;
    private final Map<String, Contact> changed = new LinkedHashMap<>();
    private final NavigableSet<Integer> overridden = new TreeSet<>();
    private long lastStamp;
    private int created;

    ContactBook(long seed, int generated) {
        this.seed = seed;
        this.idPrefix = String.format("%08x", (int) mix(seed, -1));
        this.generated = generated;
        this.lastStamp = stampOf(generated);
    }

    int generatedCount() {
        return generated;
    }

    static long stampOf(int index) {
        return BASE_STAMP + index * STAMP_STEP;
    }

    String idOf(int index) {
        return idPrefix + "-0000-4000-8000-" + String.format("%012x", index);
    }

    /** About 88 % active, 10 % archived, 2 % with a GDPR erasure request. */
    Contact generate(int index) {
        long h = mix(seed, index);
        String company = COMPANIES[(int) (h & 0xf)] + " " + SUFFIXES[(int) ((h >>> 4) % SUFFIXES.length)];
        String first = FIRST[(int) ((h >>> 8) & 0xf)];
        String last = LAST[(int) ((h >>> 12) % LAST.length)];
        int pick = (int) ((h >>> 20) % 100);
        String status = pick < 88 ? "ACTIVE" : pick < 98 ? "ARCHIVED" : "GDPRREQUEST";
        String domain = company.toLowerCase().replace(' ', '-') + ".example";
        return new Contact(idOf(index), String.format("C-%06d", index + 1), company + " " + (index + 1), first, last,
                first.toLowerCase() + "." + last.toLowerCase() + (index + 1) + "@" + domain,
                String.format("555-%04d", index % 10_000), CITIES[(int) ((h >>> 28) % CITIES.length)], status,
                stampOf(index));
    }

    synchronized Contact current(String id) {
        Contact contact = changed.get(id);
        if (contact != null) {
            return contact;
        }
        int index = generatedIndex(id);
        return index < 0 ? null : generate(index);
    }

    /** Applies a change and stamps it now; throws for an unknown contact. */
    synchronized Contact change(String id, UnaryOperator<Contact> change) {
        Contact contact = current(id);
        if (contact == null) {
            throw new IllegalArgumentException("no contact " + id);
        }
        Contact updated = change.apply(contact).stamped(nextStamp());
        changed.put(id, updated);
        int index = generatedIndex(id);
        if (index >= 0) {
            overridden.add(index);
        }
        return updated;
    }

    synchronized String create(String name, String email) {
        created++;
        String id = idPrefix + "-0000-4000-9000-" + String.format("%012x", created);
        changed.put(id, new Contact(id, String.format("N-%06d", created), name, "", "", email, "555-0000",
                "Wellington", "ACTIVE", nextStamp()));
        return id;
    }

    /**
     * The contacts updated after {@code since} (all if null), archived ones only if asked, ordered by UpdatedDateUTC
     * (then id), page {@code page} of {@code size}. With archived ones included, which is how the hub asks, a page
     * costs the same whatever the number of contacts.
     */
    synchronized Page page(Long since, boolean includeArchived, boolean descending, int page, int size) {
        int lo = since == null || since < BASE_STAMP ? 0
                : (int) Math.min(generated, Math.floorDiv(since - BASE_STAMP, STAMP_STEP) + 1);
        List<Contact> recent = new ArrayList<>(changed.values().stream()
                .filter(c -> since == null || c.updated() > since)
                .sorted(Comparator.comparingLong(Contact::updated).thenComparing(Contact::id))
                .toList());
        if (descending) {
            java.util.Collections.reverse(recent);
        }
        long offset = (long) (page - 1) * size;
        if (includeArchived) {
            int inRange = generated - lo - overridden.subSet(lo, true, generated, false).size();
            List<Contact> contacts = new ArrayList<>();
            for (long k = offset; k < offset + size && k < inRange + recent.size(); k++) {
                contacts.add(at(k, lo, recent, descending, inRange));
            }
            return new Page(contacts, inRange + recent.size());
        }
        List<Contact> contacts = new ArrayList<>();
        int total = 0;
        int inRange = generated - lo - overridden.subSet(lo, true, generated, false).size();
        for (long k = 0; k < inRange + recent.size(); k++) {
            Contact contact = at(k, lo, recent, descending, inRange);
            if (!contact.archived()) {
                if (total >= offset && contacts.size() < size) {
                    contacts.add(contact);
                }
                total++;
            }
        }
        return new Page(contacts, total);
    }

    /** Position k of the ordered sequence: generated contacts (without the changed ones) and the changed ones. */
    private Contact at(long k, int lo, List<Contact> recent, boolean descending, int inRange) {
        if (descending) {
            return k < recent.size() ? recent.get((int) k) : generate(generatedFromTop(lo, k - recent.size()));
        }
        return k < inRange ? generate(generatedFromBottom(lo, k)) : recent.get((int) (k - inRange));
    }

    /** The k-th generated index at or above lo that was not changed, counting up. */
    private int generatedFromBottom(int lo, long k) {
        long position = lo + k;
        for (int skipped : overridden.tailSet(lo, true)) {
            if (skipped > position) {
                break;
            }
            position++;
        }
        return (int) position;
    }

    /** The k-th generated index below the top that was not changed, counting down. */
    private int generatedFromTop(int lo, long k) {
        long position = generated - 1 - k;
        for (int skipped : overridden.headSet(generated, false).descendingSet()) {
            if (skipped < position || skipped < lo) {
                break;
            }
            position--;
        }
        return (int) position;
    }

    private int generatedIndex(String id) {
        String prefix = idPrefix + "-0000-4000-8000-";
        if (!id.startsWith(prefix)) {
            return -1;
        }
        try {
            long index = Long.parseLong(id.substring(prefix.length()), 16);
            return index < generated ? (int) index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private long nextStamp() {
        lastStamp = Math.max(System.currentTimeMillis(), lastStamp + 1);
        return lastStamp;
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
