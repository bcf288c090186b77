package io.taskhub.api;

import java.util.regex.Pattern;

/** Input checks that fail with a 400 naming the field. */
final class Check {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Check() {
    }

    static <T> T body(T body) {
        if (body == null) {
            throw ApiProblem.invalid("body", "a JSON body is required");
        }
        return body;
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, "is required");
        }
        return value.trim();
    }

    static String email(String field, String value) {
        String email = text(field, value);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiProblem.invalid(field, "is not an email address");
        }
        return email;
    }

    static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, E... allowed) {
        String text = text(field, value);
        for (E candidate : allowed) {
            if (candidate.name().equalsIgnoreCase(text)) {
                return candidate;
            }
        }
        throw ApiProblem.invalid(field, "must be one of " + java.util.Arrays.toString(allowed));
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
            if (id > 0) {
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
