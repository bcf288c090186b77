package io.taskhub.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code Authorization} header of HTTP Basic (RFC 7617): user and password, UTF-8, in Base64. */
public final class HttpBasic {

    private HttpBasic() {
    }

    public static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An API key as the user name and an empty password, which APIs that read a key this way ignore (Insightly). */
    public static String apiKey(String key) {
        return header(key, "");
    }
}
