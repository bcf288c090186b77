package io.taskhub.sandbox.salesforce;

/**
 * Builds and reads the simulator's Salesforce ids: key prefix (3) + "Dn" + a 10-digit decimal counter = the
 * 15-character case-sensitive id, then Salesforce's 3-character case-safety suffix. The fixed-width decimal
 * counter makes string order equal counter order, which is what lets ORDER BY Id walk generated records by index.
 */
final class SalesforceIds {

    static final String ORG_ID = "00D000000000001AAA";
    static final String USER_ID = "005000000000001AAA";
    static final String ORG_PREFIX = "00D";
    static final String USER_PREFIX = "005";
    static final String ACCOUNT_PREFIX = "001";
    static final String QUERY_LOCATOR_PREFIX = "01g";

    private static final String INSTANCE = "Dn";
    private static final int COUNTER_DIGITS = 10;
    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    static String of(String keyPrefix, long counter) {
        char[] id = new char[18];
        keyPrefix.getChars(0, 3, id, 0);
        INSTANCE.getChars(0, 2, id, 3);
        long rest = counter;
        for (int i = 14; i >= 5; i--) {
            id[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        appendSuffix(id);
        return new String(id);
    }

    /** The counter of an id built by {@link #of}, or -1 if the id has another shape or prefix. */
    static long counterOf(String id, String keyPrefix) {
        if (id == null || id.length() != 18 || !id.startsWith(keyPrefix) || !id.startsWith(INSTANCE, 3)) {
            return -1;
        }
        long counter = 0;
        for (int i = 5; i < 5 + COUNTER_DIGITS; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            counter = counter * 10 + (c - '0');
        }
        return counter;
    }

    /**
     * Normalises a 15- or 18-character id to its canonical 18-character form, as Salesforce accepts both in a
     * filter; returns null if it cannot be an id.
     */
    static String canonical(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return null;
        }
        char[] chars = new char[18];
        for (int i = 0; i < 15; i++) {
            char c = id.charAt(i);
            if (!Character.isLetterOrDigit(c) || c > 'z') {
                return null;
            }
            chars[i] = c;
        }
        appendSuffix(chars);
        return new String(chars);
    }

    // Salesforce's suffix: for each 5-character block, a bit per upper-case letter, mapped to one character.
    private static void appendSuffix(char[] id) {
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int j = 0; j < 5; j++) {
                char c = id[block * 5 + j];
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << j;
                }
            }
            id[15 + block] = SUFFIX_CHARS.charAt(bits);
        }
    }
}
