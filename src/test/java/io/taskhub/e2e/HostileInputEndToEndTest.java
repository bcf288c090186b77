package io.taskhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an attacker or a careless client sends: forms and text where JSON belongs, huge bodies, NUL characters,
 * endless texts and lists, hostile endpoint overrides, a provider that answers HTML. Each is a precise 4xx (or a 502
 * for the provider), never a 5xx, and nothing takes effect.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputEndToEndTest {

    @LocalServerPort
    int port;

    SalesforceSimulator salesforce;
    XeroSimulator xero;
    WireMockServer htmlProvider;
    HubClient operator;
    HubClient admin;
    String account;

    @BeforeAll
    void setUp() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(3).withCases(3));
        xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(3));
        htmlProvider = new WireMockServer(options().dynamicPort());
        htmlProvider.start();
        htmlProvider.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Down for maintenance</body></html>")));
        operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Hostile")).get("id").asText();
        assertThat(operator.post(account + "/users", Map.of("email", "admin@hostile.test", "role", "ADMINISTRATOR",
                "password", "admin-password")).status()).isEqualTo(201);
        admin = HubClient.at(port).as("admin@hostile.test", "admin-password");
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
        xero.close();
        htmlProvider.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "text/json", "application/xml"})
    void bodiesThatAreNotJsonAre415AndChangeNothing(String contentType) {
        byte[] body = "{\"email\":\"forged@hostile.test\",\"role\":\"ADMINISTRATOR\",\"password\":\"forged-pass\"}"
                .getBytes(StandardCharsets.UTF_8);
        HubClient.Answer answer = admin.sendBytes("POST", account + "/users", contentType, body, false);
        assertThat(answer.status()).as(answer.text()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(admin.get(account + "/users").text()).doesNotContain("forged@hostile.test");
    }

    @Test
    void bodiesOverOneMebibyteAre413WithOrWithoutALength() {
        byte[] huge = ("{\"name\":\"" + "x".repeat(1536 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (boolean chunked : List.of(false, true)) {
            HubClient.Answer answer = operator.sendBytes("POST", "/api/accounts", "application/json", huge, chunked);
            assertThat(answer.status()).as("chunked " + chunked).isEqualTo(413);
        }
        byte[] small = "{\"name\":\"Chunked but small\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(operator.sendBytes("POST", "/api/accounts", "application/json", small, true).status())
                .isEqualTo(201);
    }

    @Test
    void nulCharactersAreRefusedNamingTheField() {
        HubClient.Answer user = admin.post(account + "/users",
                "{\"email\":\"nul@hostile.test\",\"name\":\"a\\u0000b\",\"role\":\"REGULAR\",\"password\":\"long-enough\"}");
        assertThat(user.status()).as(user.text()).isEqualTo(400);
        assertThat(user.get("detail").asText()).contains("name");
        HubClient.Answer accountName = operator.post("/api/accounts", "{\"name\":\"\\u0000\"}");
        assertThat(accountName.status()).isEqualTo(400);
        assertThat(admin.get(account + "/tasks?q=%00").status()).isEqualTo(400);
        assertThat(admin.get(account + "/users").text()).doesNotContain("nul@hostile.test");
    }

    @Test
    void passwordsBcryptCannotReadWholeAreRefused() {
        HubClient.Answer created = admin.post(account + "/users", Map.of("email", "long@hostile.test",
                "role", "REGULAR", "password", "é".repeat(37)));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.get("field").asText()).isEqualTo("password");
        HubClient.Answer login = HubClient.at(port).as("admin@hostile.test", "p".repeat(200)).get(account + "/users");
        assertThat(login.status()).isEqualTo(401);
    }

    @Test
    void endlessTextsAndListsAreRefusedNamingTheField() {
        HubClient.Answer name = operator.post("/api/accounts", Map.of("name", "n".repeat(70_000)));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.get("detail").asText()).contains("name");
        HubClient.Answer longName = operator.post("/api/accounts", Map.of("name", "n".repeat(1001)));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.get("field").asText()).isEqualTo("name");
        HubClient.Answer types = admin.post(account + "/integrations", Map.of("provider", "salesforce",
                "credentials", Map.of("clientId", "a", "clientSecret", "b", "refreshToken", "c"),
                "selectedTypes", Collections.nCopies(1001, "cases")));
        assertThat(types.status()).isEqualTo(400);
        assertThat(types.get("detail").asText()).contains("selectedTypes");
    }

    @Test
    void emailsInPathsAreDecodedOnceWhateverTheirSpelling() {
        for (String email : List.of("plus+one@hostile.test", "percent@hostile.test", "raw@hostile.test")) {
            assertThat(admin.post(account + "/users", Map.of("email", email, "role", "REGULAR",
                    "password", "long-enough")).status()).isEqualTo(201);
        }
        assertThat(admin.delete(account + "/users/plus%2Bone%40hostile.test").status()).isEqualTo(204);
        assertThat(admin.delete(account + "/users/percent%40hostile.test").status()).isEqualTo(204);
        assertThat(admin.delete(account + "/users/raw@hostile.test").status()).isEqualTo(204);
        assertThat(admin.get(account + "/users").text()).doesNotContain("@hostile.test\",\"name\":\"plus")
                .doesNotContain("percent@").doesNotContain("raw@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/x?userAgent=#property:hub.operator.password&z=", "#property:hub.operator.password",
            "/%23property:hub.operator.password"})
    void endpointOverridesCannotCarryCamelOptions(String suffix) {
        HubClient.Answer answer = admin.post(account + "/integrations", xero(xero.baseUrl() + suffix));
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.get("field").asText()).isEqualTo("endpoint.baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data", "http://10.0.0.1:8080", "http://127.0.0.2:9",
            "http://[::1]:22", "http://internal.example", "http://api.xero.com.internal.example"})
    void endpointOverridesCannotReachInsideTheNetwork(String url) {
        HubClient.Answer answer = admin.post(account + "/integrations", xero(url));
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.get("field").asText()).isEqualTo("endpoint.baseUrl");
    }

    @Test
    void aProviderAnsweringHtmlDuringTheCredentialCheckIsA502() {
        Map<String, Object> body = Map.of("provider", "xero",
                "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", XeroSimulator.DEFAULT_REFRESH_TOKEN),
                "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", htmlProvider.baseUrl() + "/connect/token"),
                "settings", Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                        "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT));
        HubClient.Answer answer = admin.post(account + "/integrations", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(502);
        assertThat(answer.text()).doesNotContain("maintenance");
        assertThat(admin.get(account + "/integrations").json().size()).isZero();
    }

    @Test
    void providerRefusalsAreReportedInTheHubsWords() {
        HubClient.Answer refused = admin.post(account + "/integrations", Map.of("provider", "salesforce",
                "endpoint", Map.of("loginUrl", salesforce.baseUrl()),
                "credentials", Map.of("clientId", "wrong", "clientSecret", "wrong", "refreshToken", "wrong")));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.get("detail").asText()).startsWith("Salesforce refused the login");
        HubClient.Answer nobodyThere = admin.post(account + "/integrations", Map.of("provider", "salesforce",
                "endpoint", Map.of("loginUrl", "http://localhost:1"),
                "credentials", Map.of("clientId", "a", "clientSecret", "b", "refreshToken", "c")));
        assertThat(nobodyThere.status()).as(nobodyThere.text()).isEqualTo(502);
        assertThat(nobodyThere.get("detail").asText()).doesNotContain("Connection refused").doesNotContain(":1");
    }

    private static Map<String, Object> xero(String baseUrl) {
        return Map.of("provider", "xero",
                "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", XeroSimulator.DEFAULT_REFRESH_TOKEN),
                "endpoint", Map.of("baseUrl", baseUrl),
                "settings", Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                        "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT));
    }
}
