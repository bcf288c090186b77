package io.taskhub.sandbox.salesforce;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Salesforce's datetime wire format ({@code 2026-11-20T09:15:02.000+0000}) and SOQL datetime literals. */
final class SalesforceDateTimes {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final Pattern LITERAL = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}(?::?\\d{2})?)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SalesforceDateTimes() {
    }

    /** Hand-rolled because it runs once per datetime field per served record, and DateTimeFormatter is slow. */
    static String format(long epochMillis) {
        long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int msOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] out = new char[28];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, msOfDay / 3_600_000, 2);
        out[13] = ':';
        put(out, 14, msOfDay / 60_000 % 60, 2);
        out[16] = ':';
        put(out, 17, msOfDay / 1000 % 60, 2);
        out[19] = '.';
        put(out, 20, msOfDay % 1000, 3);
        "+0000".getChars(0, 5, out, 23);
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Epoch millis of a SOQL datetime literal, or null if the text is not one. */
    static Long parseLiteral(String text) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "00").substring(0, 3);
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), Integer.parseInt(fraction) * 1_000_000);
            return local.toInstant(offset(m.group(8))).toEpochMilli();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String text) {
        if (text.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = text.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** A SOQL date literal ({@code 2024-01-31}), or null if the text is not one. */
    static LocalDate parseDate(String text) {
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
