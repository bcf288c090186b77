package io.taskhub.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** Input checks that fail with a 400 naming the field. */
final class Check {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_TEXT = 1000;
    static final int MAX_EMAIL = 254;
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD_BYTES = 72;
    static final long MIN_ID = 1;

    private Check() {
    }

    static <T> T body(T body) {
        if (body == null) {
            throw ApiProblem.invalid("body", "a JSON body is required");
        }
        return body;
    }

    /** A required text of at most 1,000 characters: names, emails, ids, credentials. */
    /** A calendar date as ISO writes it, four-digit year: {@code 2026-11-30}, never {@code -2026-11-30}. */
    static LocalDate date(String field, String value) {
        String text = text(field, value).trim();
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // refused below, like any other spelling
        }
        throw ApiProblem.invalid(field, "must be a date like 2026-11-30");
    }

    static String text(String field, String value) {
        return text(field, value, MAX_TEXT);
    }

    static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, "is required");
        }
        if (value.length() > maxLength) {
            throw ApiProblem.invalid(field, "must have at most " + maxLength + " characters");
        }
        return value.trim();
    }

    /** bcrypt reads only the first 72 bytes: a longer password would be checked by its beginning alone. */
    static String password(String field, String value) {
        String password = text(field, value);
        if (password.length() < MIN_PASSWORD) {
            throw ApiProblem.invalid(field, "must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiProblem.invalid(field, "must have at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        return password;
    }

    static String email(String field, String value) {
        String email = text(field, value, MAX_EMAIL);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiProblem.invalid(field, "is not an email address");
        }
        return email;
    }

    static <E extends Enum<E>> E oneOf(String field, String value, List<E> allowed) {
        String text = text(field, value);
        for (E candidate : allowed) {
            if (candidate.name().equalsIgnoreCase(text)) {
                return candidate;
            }
        }
        throw ApiProblem.invalid(field, "must be one of " + allowed);
    }

    static int range(String field, Integer value, int min, int max) {
        if (value == null) {
            throw ApiProblem.invalid(field, "is required");
        }
        if (value < min || value > max) {
            throw ApiProblem.invalid(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A path or query parameter that must be a positive id. */
    static long id(String field, String value) {
        try {
            long id = Long.parseLong(text(field, value));
            if (id >= MIN_ID) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid(field, "must be a positive whole number");
    }

    static int optionalInt(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return range(field, Integer.valueOf(value.trim()), min, max);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(field, "must be a whole number");
        }
    }

    static boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.invalid(field, "must be true or false");
        };
    }
}
