package io.taskhub.provider.insightly;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.taskhub.sync.HttpPages;

/**
 * One page to ask Insightly for: a path under the API's base URL and its query.
 *
 * @param updatedAfter the {@code updated_after_utc} of a search, or null to list everything
 */
public record InsightlyRequest(String path, String updatedAfter, int skip, int top, boolean brief)
        implements HttpPages.Request {

    public static InsightlyRequest users(int top) {
        return new InsightlyRequest("/Users", null, 0, top, false);
    }

    /** Every record of a type, or with {@code updatedAfter} those changed since: {@code /Contacts/Search}. */
    public static InsightlyRequest records(String resource, String updatedAfter, int top, boolean brief) {
        return new InsightlyRequest(updatedAfter == null ? "/" + resource : "/" + resource + "/Search", updatedAfter,
                0, top, brief);
    }

    public InsightlyRequest next() {
        return new InsightlyRequest(path, updatedAfter, skip + top, top, brief);
    }

    /** Whether a page this long may be followed by more. */
    public boolean filledBy(int records) {
        return records >= top;
    }

    @Override
    public String query() {
        StringBuilder query = new StringBuilder();
        if (updatedAfter != null) {
            query.append("updated_after_utc=").append(encode(updatedAfter)).append('&');
        }
        if (brief) {
            query.append("brief=true&");
        }
        return query.append("skip=").append(skip).append("&top=").append(top).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
