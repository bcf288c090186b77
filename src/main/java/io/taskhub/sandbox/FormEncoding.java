package io.taskhub.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} as the simulators read it, for request bodies and query strings alike.
 * Lenient on purpose: a simulator should answer a malformed request the way the provider would, not fail on it.
 */
public final class FormEncoding {

    private FormEncoding() {
    }

    /**
     * The parameters in order of appearance, decoded ('+' is a space); the first of a repeated name wins, a name
     * without '=' has the empty value. Null or empty text gives an empty map, which the caller may add to.
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(decode(name), decode(value));
        }
        return params;
    }

    /** Percent-decoded text; with a stray '%' the text is kept as it is, so whoever reads it can say what is wrong. */
    public static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
