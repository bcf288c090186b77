package io.taskhub.provider.insightly;

import java.util.Locale;
import java.util.regex.Pattern;

import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.sync.HttpBasic;

/** How the hub addresses Insightly's REST API: the pod's base URL, HTTP Basic with the API key, resource names. */
public final class InsightlyApi {

    /** A pod is a short name ({@code na1}, {@code eu1}); anything else could point the API key at another host. */
    private static final Pattern POD = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private InsightlyApi() {
    }

    /** The integration's {@code endpoint.baseUrl}, else the template with its pod filled in. */
    public static String baseUrl(Provider.Connection connection, String template) {
        String override = connection.endpoint("baseUrl", null);
        if (override != null) {
            return override;
        }
        String pod = connection.credential("pod");
        if (pod == null || !POD.matcher(pod).matches()) {
            throw new ProviderRejection("the Insightly pod must be a short name such as na1, not " + pod);
        }
        return template.replace("{pod}", pod.toLowerCase(Locale.ROOT));
    }

    /** The API key is the user name; Insightly ignores the password. */
    public static String authorization(Provider.Connection connection) {
        return HttpBasic.header(connection.credential("apiKey"), "");
    }

    /** {@code contacts} is served at {@code /Contacts}. */
    public static String resource(String type) {
        if (!InsightlyMapper.TYPES.contains(type)) {
            throw new IllegalArgumentException("Insightly has no type " + type);
        }
        return type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
    }
}
