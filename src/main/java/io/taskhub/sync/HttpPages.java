package io.taskhub.sync;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.taskhub.provider.Provider;

/**
 * A page source whose pages are GETs of a JSON API over camel-http: {@link HttpPageCalls} builds each request from
 * what the source says of the API (where it is for a connection, how a call is authorized, where a type's records
 * are) and reads the answer. Still pure: no Exchange, no database.
 *
 * @param <Q> the provider's request of one page: a path under the base URL and its query
 */
public interface HttpPages<Q extends HttpPages.Request> extends PageSource<Q> {

    /** The API's base URL for this integration. */
    String baseUrl(Provider.Connection connection);

    /** The whole {@code Authorization} header ({@code Basic ...}). */
    String authorization(Provider.Connection connection);

    /** The path of a type's records under the base URL: {@code /Contacts}. */
    String collection(String type);

    /**
     * The path of one record by id, under the base URL: a full reconciliation asks for its unseen records. By
     * default REST's member of its collection, {@code /Contacts/{id}}.
     */
    default String recordPath(String type, String id) {
        return collection(type) + "/" + encoded(id);
    }

    /** A query value or a path segment, percent-encoded: a space is {@code %20}, never {@code +}. */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One page's GET. */
    interface Request {

        String path();

        /** The query string, encoded. */
        String query();
    }
}
