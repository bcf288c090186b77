package io.taskhub.provider.insightly;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;

/** How the hub addresses Insightly's REST API: the pod's base URL, HTTP Basic with the API key, resource names. */
public final class InsightlyApi {

    /** A pod is a short name ({@code na1}, {@code eu1}); anything else could point the API key at another host. */
    private static final Pattern POD = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private static final Map<String, String> RESOURCES = Map.of(
            InsightlyMapper.ORGANISATIONS, "Organisations",
            InsightlyMapper.CONTACTS, "Contacts",
            InsightlyMapper.PROJECTS, "Projects",
            InsightlyMapper.OPPORTUNITIES, "Opportunities",
            InsightlyMapper.LEADS, "Leads",
            InsightlyMapper.TASKS, "Tasks");

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
        String apiKey = connection.credential("apiKey");
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an answer's status means the API key (or its user's rights) was refused. */
    public static boolean refused(int status) {
        return status == 401 || status == 403;
    }

    /** Insightly's own words from an error answer ({@code {"Message": "..."}}), else the status. */
    public static String reason(int status, String body, ObjectMapper json) {
        try {
            JsonNode answer = body == null || body.isBlank() ? null : json.readTree(body);
            for (String field : new String[] {"Message", "message"}) {
                if (answer != null && answer.path(field).isTextual()) {
                    return answer.path(field).asText();
                }
            }
        } catch (JsonProcessingException notJson) {
            // an HTML error page says nothing more than its status
        }
        return "HTTP " + status;
    }

    /** {@code contacts} is served at {@code /Contacts}. */
    public static String resource(String type) {
        String resource = RESOURCES.get(type);
        if (resource == null) {
            throw new IllegalArgumentException("Insightly has no type " + type);
        }
        return resource;
    }
}
