package io.taskhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import io.taskhub.support.SignedDelivery;
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

    /** A 400 names the field and says the rule broken, never the value: it may be a password or a client secret. */
    @Test
    void controlCharactersAreRefusedNamingTheFieldWithoutRepeatingTheValue() {
        Map<String, HubClient.Answer> refused = Map.of(
                "credentials.clientSecret", admin.post(account + "/integrations", "{\"provider\":\"salesforce\","
                        + "\"credentials\":{\"clientId\":\"a\",\"clientSecret\":\"TOPSECRET\\u0000\","
                        + "\"refreshToken\":\"c\"}}"),
                "credentials.refreshToken", admin.post(account + "/integrations", "{\"provider\":\"salesforce\","
                        + "\"credentials\":{\"clientId\":\"a\",\"clientSecret\":\"b\","
                        + "\"refreshToken\":\"TOPSECRET\\u0001\"}}"),
                "password", user("ctl1@hostile.test", "A", "TOPSECRET\\u0000-long"),
                "name", user("ctl2@hostile.test", "A\\u0007\\u001b[31m", "TOPSECRET-long"),
                "email", user("ctl3@hostile.test\\n", "A", "TOPSECRET-long"));
        refused.forEach((field, answer) -> {
            assertThat(answer.status()).as(field + " " + answer.text()).isEqualTo(400);
            assertThat(answer.get("field").asText()).isEqualTo(field);
            assertThat(answer.get("detail").asText()).isEqualTo(field + ": must not contain control characters");
            assertThat(answer.text()).doesNotContain("TOPSECRET");
        });
        HubClient.Answer notAnObject = admin.post(account + "/integrations",
                "{\"provider\":\"salesforce\",\"credentials\":\"TOPSECRET\"}");
        assertThat(notAnObject.get("detail").asText()).isEqualTo("credentials: must be an object");
        assertThat(admin.get(account + "/users").text()).doesNotContain("ctl");
        assertThat(admin.get(account + "/integrations").json().size()).isZero();
    }

    /** No signature can match bytes the hub cannot read as text: a webhook body that is not UTF-8 is unsigned. */
    @Test
    void webhookBodiesThatAreNotUtf8AreRefusedAsUnsigned() {
        byte[] body = "{\"a\":\"?\"}".getBytes(StandardCharsets.US_ASCII);
        body[body.length - 3] = (byte) 0xff;
        HubClient anonymous = HubClient.at(port);
        for (String path : List.of("/webhooks/xero", "/webhooks/quickbooks", "/webhooks/insightly/1")) {
            HubClient.Answer answer = anonymous.postBytes(path, "application/json", body, Map.of());
            assertThat(answer.status()).as(path + " " + answer.text()).isIn(200, 401);
        }
        String signature = hmac(body, SignedDelivery.XERO_KEY);
        for (Map<String, String> header : List.of(Map.<String, String>of(), Map.of("x-xero-signature", signature))) {
            HubClient.Answer answer = anonymous.postBytes("/webhooks/xero", "application/json", body, header);
            assertThat(answer.status()).as(header.toString()).isEqualTo(401);
            assertThat(answer.text()).isEmpty();
        }
    }

    /** Lines are checked before the client is looked up, so client 999999 reaches the line checks, and Xero nothing. */
    @Test
    void invoiceLinesAreCheckedHereWhateverTheirNumbersOrTexts() {
        String other = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Hostile invoices"))
                .get("id").asText();
        Map<String, Object> integration = new HashMap<>(xero(xero.baseUrl()));
        integration.put("endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()));
        HubClient.Answer created = operator.post(other + "/integrations", integration);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String invoices = other + "/integrations/" + created.get("id").asText() + "/invoices";
        int before = xero.invoices().size();
        Map<String, String> refused = Map.of(
                "\"quantity\":1e400,\"unitAmount\":1", "lines[0].quantity",
                "\"quantity\":-1e400,\"unitAmount\":1", "lines[0].quantity",
                "\"quantity\":1e-400,\"unitAmount\":1", "lines[0].quantity",
                "\"quantity\":1,\"unitAmount\":1e400", "lines[0].unitAmount",
                "\"quantity\":\"1\",\"unitAmount\":1", "lines[0].quantity",
                "\"quantity\":1,\"unitAmount\":1,\"description\":\"ring\\u0007\"", "lines[0].description");
        refused.forEach((line, field) -> {
            HubClient.Answer answer = operator.post(invoices, invoice("\"description\":\"Work\"," + line));
            assertThat(answer.status()).as(line + " " + answer.text()).isEqualTo(400);
            assertThat(answer.get("field").asText()).as(line).isEqualTo(field);
        });
        HubClient.Answer multiLine = operator.post(invoices,
                invoice("\"description\":\"Design\\n\\tand build\",\"quantity\":1.5,\"unitAmount\":-20"));
        assertThat(multiLine.status()).as(multiLine.text()).isEqualTo(404);
        assertThat(xero.invoices()).hasSize(before);
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

    /**
     * Settings are the provider's named texts: an unknown key (NUL in it, which PostgreSQL's JSON cannot store) or a
     * nested value is a 400 for the settings, the key never repeated, and nothing is stored.
     */
    @Test
    void settingsTakeOnlyTheProvidersTexts() {
        String credentials = "\"credentials\":{\"clientId\":\"" + XeroSimulator.DEFAULT_CLIENT_ID
                + "\",\"clientSecret\":\"" + XeroSimulator.DEFAULT_CLIENT_SECRET + "\",\"refreshToken\":\""
                + XeroSimulator.DEFAULT_REFRESH_TOKEN + "\"},\"endpoint\":{\"baseUrl\":\"" + xero.baseUrl() + "\"}";
        String codes = "\"revenueAccountCode\":\"" + XeroSimulator.REVENUE_ACCOUNT + "\",\"expenseAccountCode\":\""
                + XeroSimulator.EXPENSE_ACCOUNT + "\"";
        Map<String, String> refused = Map.of(
                "xero, a key with NUL", "{\"provider\":\"xero\"," + credentials + ",\"settings\":{" + codes
                        + ",\"BAD\\u0000\":\"x\"}}",
                "xero, a nested value", "{\"provider\":\"xero\"," + credentials
                        + ",\"settings\":{\"revenueAccountCode\":{\"a\":[\"\\u0000\"]},\"expenseAccountCode\":\"x\"}}",
                "insightly, any setting", "{\"provider\":\"insightly\",\"credentials\":{\"apiKey\":\"k\","
                        + "\"pod\":\"na1\"},\"settings\":{\"BAD\":\"x\"}}");
        refused.forEach((what, body) -> {
            HubClient.Answer answer = admin.post(account + "/integrations", body);
            assertThat(answer.status()).as(what + " " + answer.text()).isEqualTo(400);
            assertThat(answer.get("field").asText()).as(what).startsWith("settings");
            assertThat(answer.text()).as(what).doesNotContain("BAD");
        });
        assertThat(admin.get(account + "/integrations").json().size()).isZero();
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

    private HubClient.Answer user(String email, String name, String password) {
        return admin.post(account + "/users", "{\"email\":\"" + email + "\",\"name\":\"" + name
                + "\",\"role\":\"REGULAR\",\"password\":\"" + password + "\"}");
    }

    private static String invoice(String line) {
        return "{\"clientId\":999999,\"date\":\"2026-11-30\",\"lines\":[{" + line + "}]}";
    }

    private static String hmac(byte[] body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
