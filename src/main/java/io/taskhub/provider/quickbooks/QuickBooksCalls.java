package io.taskhub.provider.quickbooks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.oauth.AccessTokenRefused;
import io.taskhub.provider.oauth.OAuthTokens;
import io.taskhub.provider.oauth.TokenEndpoint;
import io.taskhub.provider.oauth.TokenSet;
import io.taskhub.sync.UnreadablePage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Every call the hub makes to a QuickBooks company, through camel-http: the bearer token (an integration's comes from
 * {@link OAuthTokens}, which stores the rotated refresh token before handing it out), and the answer read as
 * QuickBooks means it. A fault, in either casing and even inside an HTTP 200, is a {@link QuickBooksFault};
 * throttling (429, or fault 3001 whatever the status) and server errors (5xx, or a SystemFault whatever the status)
 * are {@link HttpOperationFailedException}s
 * that the sync routes' error handling retries; a refused access token is tried once more with a fresh one
 * ({@link AccessTokenRefused}), then is a {@link ProviderRejection}.
 *
 * <p>The sync routes make their calls as endpoints of their own ({@link QuickBooksSession}, the Bearer token from
 * {@link io.taskhub.provider.oauth.BearerAuthorization}); the REST API and the provider's checks call {@link #call}
 * with the same request and answer.
 */
@Component("quickbooksCalls")
public class QuickBooksCalls {

    /** camel-http, told where to go by the {@code CamelHttpUri} header; failures are read, not thrown. */
    private static final String ENDPOINT = "http:quickbooks?throwExceptionOnFailure=false";
    /** A realm id is the company's number: anything else would change the path the token is sent to. */
    private static final Pattern REALM_ID = Pattern.compile("[0-9]{1,32}");
    private static final String THROTTLED = "3001";
    /** The fault type Intuit answers when it failed on its side; ValidationFault or AuthenticationFault are refusals. */
    private static final String SERVER_SIDE = "SystemFault";

    /** The access tokens one company is called with. */
    public interface AccessTokens {
        String current();

        /** QuickBooks refused the current token before its time; whether a fresh one is worth a try. */
        boolean refused();
    }

    /** One connected company: where its API is, its realm id, and the tokens to call it with. */
    public record Company(String baseUrl, String realmId, AccessTokens tokens) {
        @Override
        public String toString() {
            return "Company[" + baseUrl + ", realm " + realmId + "]";
        }
    }

    private final ProducerTemplate camel;
    private final OAuthTokens oauth;
    private final QuickBooksProperties properties;
    private final ObjectMapper json;

    /** What a read answer always holds, even when nothing matched: {@code {"QueryResponse": {}}}. */
    private static final Map<String, String> ANSWERS = Map.of("query", "QueryResponse", "cdc", "CDCResponse");

    public QuickBooksCalls(ProducerTemplate camel, OAuthTokens oauth, QuickBooksProperties properties,
                           ObjectMapper json) {
        this.camel = camel;
        this.oauth = oauth;
        this.properties = properties;
        this.json = json;
    }

    /** A stored integration's company: its access token is the stored one while it lasts, else a refreshed one. */
    public Company company(long integrationId, Provider.Connection connection) {
        TokenEndpoint tokens = tokenEndpoint(connection);
        return new Company(baseUrl(connection), realmId(connection), new AccessTokens() {
            @Override
            public String current() {
                return oauth.accessToken(integrationId, tokens);
            }

            @Override
            public boolean refused() {
                oauth.discardAccessToken(integrationId);
                return true;
            }
        });
    }

    /** The company of an integration being checked: the access token the check's refresh put in the connection. */
    public Company checking(Provider.Connection connection) {
        return new Company(baseUrl(connection), realmId(connection), new AccessTokens() {
            @Override
            public String current() {
                return connection.credential(TokenSet.ACCESS_TOKEN);
            }

            @Override
            public boolean refused() {
                return false;
            }
        });
    }

    public TokenEndpoint tokenEndpoint(Provider.Connection connection) {
        return new TokenEndpoint("QuickBooks", connection.endpoint("tokenUrl", properties.tokenUrl()));
    }

    public JsonNode call(Company company, QuickBooksRequest request) {
        for (boolean retried = false; ; retried = true) {
            Exchange answer = camel.request(ENDPOINT, exchange -> prepare(exchange.getIn(), company, request));
            if (answer.getException() != null) {
                // a broken connection: the sync routes retry what wraps an IOException
                throw new RuntimeCamelException("QuickBooks cannot be reached at "
                        + answer.getIn().getHeader(Exchange.HTTP_URI), answer.getException());
            }
            try {
                return read(company, answer.getMessage());
            } catch (AccessTokenRefused e) {
                if (retried) {
                    throw e;
                }
            }
        }
    }

    /** The request in headers (and body, for a POST), with the company's current access token. */
    private void prepare(Message message, Company company, QuickBooksRequest request) {
        address(message, company.baseUrl() + "/v3/company/" + company.realmId(), request);
        message.setHeader("Authorization", "Bearer " + company.tokens().current());
        message.setHeader("Accept", "application/json");
    }

    /** The request in headers (and body, for a POST), to the company's API at {@code apiUrl}. */
    void address(Message message, String apiUrl, QuickBooksRequest request) {
        message.setHeader(Exchange.HTTP_METHOD, request.method());
        message.setHeader(Exchange.HTTP_URI, apiUrl + "/" + request.resource());
        message.setHeader(Exchange.HTTP_QUERY, query(request.query()));
        message.setBody(null);
        if (request.body() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setBody(request.body().toString());
        }
    }

    /** The answer to a prepared request, as QuickBooks means it; its headers still name the request. */
    JsonNode read(Company company, Message reply) {
        int status = reply.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String url = reply.getHeader(Exchange.HTTP_URI, String.class);
        String api = "/v3/company/" + company.realmId() + "/";
        String resource = url.substring(url.indexOf(api) + api.length());
        String what = reply.getHeader(Exchange.HTTP_METHOD, String.class) + " " + resource;
        String body = reply.getBody(String.class);
        Map<String, String> headers = headers(reply);
        JsonNode answer = parse(body);
        Optional<QuickBooksMapper.Fault> fault = answer == null ? Optional.empty() : QuickBooksMapper.fault(answer);
        if (status == 429 || fault.filter(f -> f.has(THROTTLED)).isPresent()) {
            headers.putIfAbsent("Retry-After", String.valueOf(properties.throttleWait().toSeconds()));
            throw new RuntimeCamelException(new HttpOperationFailedException(url, 429,
                    "QuickBooks throttled " + what, null, headers, body));
        }
        if (status == 401 || status == 403) {
            String refused = "QuickBooks refused access to company " + company.realmId() + " ("
                    + fault.map(QuickBooksMapper.Fault::describe).orElse("HTTP " + status)
                    + "): re-enable the integration";
            throw status == 401 && company.tokens().refused() ? new AccessTokenRefused(refused)
                    : new ProviderRejection(refused);
        }
        if (status >= 500 || status == 408) {
            throw new RuntimeCamelException(new HttpOperationFailedException(url, status,
                    "QuickBooks failed " + what, null, headers, body));
        }
        if (fault.filter(f -> SERVER_SIDE.equalsIgnoreCase(f.type())).isPresent()) {
            // Intuit's own failure (10000 "An application error has occurred"), even in a 200: retried as a 500
            throw new RuntimeCamelException(new HttpOperationFailedException(url, 500,
                    "QuickBooks failed " + what + " (" + fault.get().describe() + ")", null, headers, body));
        }
        if (fault.isPresent() || status < 200 || status > 299) {
            throw new QuickBooksFault(what, status, fault.orElse(null));
        }
        String expected = ANSWERS.get(resource);
        if (answer == null || (expected != null && !answer.has(expected))) {
            // an HTML maintenance page or a truncated body: the sync-errors retries call again
            throw new RuntimeCamelException(new UnreadablePage("QuickBooks' answer to " + what,
                    answer == null ? "it is not complete JSON" : "it holds no " + expected, null));
        }
        return answer;
    }

    /** A connected company's API: {@code {baseUrl}/v3/company/{realmId}}. */
    String apiUrl(Provider.Connection connection) {
        return baseUrl(connection) + "/v3/company/" + realmId(connection);
    }

    private String baseUrl(Provider.Connection connection) {
        return connection.endpoint("baseUrl", properties.baseUrl());
    }

    private static String realmId(Provider.Connection connection) {
        String realmId = connection.credential("realmId");
        if (realmId == null || !REALM_ID.matcher(realmId).matches()) {
            throw new ProviderRejection("the QuickBooks realmId must be the company's number, not " + realmId);
        }
        return realmId;
    }

    private String query(Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        pairs.add("minorversion=" + properties.minorVersion());
        return String.join("&", pairs);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Only what a retry reads: the message also carries the request's headers, the bearer token among them. */
    private static Map<String, String> headers(Message reply) {
        Map<String, String> headers = new HashMap<>();
        Object retryAfter = reply.getHeader("Retry-After");
        if (retryAfter != null) {
            headers.put("Retry-After", retryAfter.toString());
        }
        return headers;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
