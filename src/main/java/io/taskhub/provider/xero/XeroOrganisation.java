package io.taskhub.provider.xero;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.config.WholeAnswer;
import io.taskhub.model.LedgerAccount;
import io.taskhub.model.Organisation;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.provider.oauth.OAuthProperties;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * The two questions asked of Xero outside the sync routes: which organisation (tenant) the app is connected to, and
 * whether the account codes chosen in the settings suit their purpose.
 */
@Component
public class XeroOrganisation {

    private final ObjectMapper json;
    private final OAuthProperties oauth;
    private final HttpClient http;

    public XeroOrganisation(ObjectMapper json, OAuthProperties oauth) {
        this.json = json;
        this.oauth = oauth;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(oauth.timeout())
                .build();
    }

    /** The first organisation in {@code GET /connections}: the one an integration without a tenantId works with. */
    public String firstTenant(String connectionsUrl, String accessToken) {
        for (JsonNode connection : get(connectionsUrl, accessToken, null)) {
            if (connection.path("tenantType").asText("ORGANISATION").equals("ORGANISATION")) {
                return connection.path("tenantId").asText();
            }
        }
        throw new ProviderRejection("no Xero organisation is connected to this app: connect one, or give "
                + "credentials.tenantId");
    }

    /** Every organisation in {@code GET /connections}. */
    public List<Organisation> organisations(String connectionsUrl, String accessToken) {
        List<Organisation> organisations = new ArrayList<>();
        for (JsonNode connection : get(connectionsUrl, accessToken, null)) {
            if (connection.path("tenantType").asText("ORGANISATION").equals("ORGANISATION")) {
                organisations.add(new Organisation(connection.path("tenantId").asText(),
                        connection.path("tenantName").asText()));
            }
        }
        return organisations;
    }

    /** Throws a rejection naming each setting whose account is missing, archived or of the wrong class. */
    public void checkAccountCodes(String apiUrl, String accessToken, String tenantId, Map<String, Object> settings) {
        JsonNode accounts = get(apiUrl + "/Accounts", accessToken, tenantId);
        List<String> problems = XeroMapper.accountCodeProblems(accounts,
                String.valueOf(settings.get(XeroMapper.REVENUE_SETTING)),
                String.valueOf(settings.get(XeroMapper.EXPENSE_SETTING)));
        if (!problems.isEmpty()) {
            throw new ProviderRejection(String.join("; ", problems));
        }
    }

    public List<LedgerAccount> bookableAccounts(String apiUrl, String accessToken, String tenantId) {
        return XeroMapper.bookableAccounts(get(apiUrl + "/Accounts", accessToken, tenantId));
    }

    private JsonNode get(String url, String accessToken, String tenantId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(oauth.timeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET();
        if (tenantId != null) {
            request.header("xero-tenant-id", tenantId);
        }
        HttpResponse<String> response;
        try {
            response = WholeAnswer.send(http, request.build(), oauth.timeout());
        } catch (IOException e) {
            throw new UncheckedIOException("Xero could not be reached at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Xero", e);
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                return json.readTree(response.body());
            } catch (IOException e) {
                throw new ProviderUnavailable("Xero answered with something other than JSON", e);
            }
        }
        if (status == 401) {
            throw new ProviderRejection("Xero refused the access token it had just issued (401)");
        }
        if (status == 403) {
            throw new ProviderRejection("Xero refused access to organisation " + tenantId + " (403): is it "
                    + "connected to this app, with the accounting scopes?");
        }
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, values.isEmpty() ? "" : values.get(0)));
        throw new RuntimeCamelException(new HttpOperationFailedException(url, status, "Xero call failed", null,
                headers, response.body()));
    }
}
