package io.taskhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each limit the code holds its input to is in the OpenAPI document, with the value of the constant the code checks;
 * and a client that keeps to the document is answered, one that goes one step past it gets the 400 naming the field.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentedLimitsEndToEndTest {

    private static final String TASKS = "/api/accounts/{acc}/tasks";
    private static final String INTEGRATION = "/api/accounts/{acc}/integrations/{id}";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String DOMAIN = "@limits.test";

    @LocalServerPort
    int port;

    SalesforceSimulator salesforce;
    JsonNode openapi;
    HubClient operator;
    HubClient admin;
    String account;
    String integration;

    @BeforeAll
    void setUp() {
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(1));
        openapi = HubClient.at(port).get("/api/openapi.json").json();
        operator = HubClient.at(port).as("operator", "operator-test-pass");
        account = "/api/accounts/" + operator.post("/api/accounts", Map.of("name", "Limits")).get("id").asText();
        assertThat(operator.post(account + "/users", Map.of("email", "admin" + DOMAIN, "role", "ADMINISTRATOR",
                "password", "admin-password")).status()).isEqualTo(201);
        admin = HubClient.at(port).as("admin" + DOMAIN, "admin-password");
        HubClient.Answer enabled = admin.post(account + "/integrations", Map.of("provider", "salesforce",
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN),
                "endpoint", Map.of("loginUrl", salesforce.baseUrl()),
                "selectedTypes", List.of("opportunities"),
                "intervalSeconds", IntegrationsApi.MAX_INTERVAL));
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(201);
        integration = account + "/integrations/" + enabled.get("id").asText();
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
    }

    @Test
    void idsAreDocumentedFromTheLeastTheCodeTakes() {
        List<JsonNode> ids = parameters().stream().filter(p -> p.path("schema").path("format").asText().equals("int64"))
                .toList();
        assertThat(ids).hasSizeGreaterThan(40)
                .allSatisfy(id -> assertThat(id.path("schema").path("minimum").asLong()).as(id.toString())
                        .isEqualTo(Check.MIN_ID));
        for (String name : List.of("integrationId", "parentId")) {
            long least = schemaOf(TASKS, name).path("minimum").asLong();
            assertThat(admin.get(tasks(name + "=" + least)).status()).isEqualTo(200);
            assertRefused(admin.get(tasks(name + "=" + (least - 1))), name);
        }
    }

    @Test
    void pagesAndSizesAreDocumentedWithTheBoundsTheListingsHold() {
        assertThat(parameters()).filteredOn(p -> p.path("name").asText().equals("page")).hasSize(3)
                .allSatisfy(page -> assertBounds(page, Paging.FIRST_PAGE, Paging.LAST_PAGE, Paging.FIRST_PAGE));
        assertThat(parameters()).filteredOn(p -> p.path("name").asText().equals("size")).hasSize(4)
                .allSatisfy(size -> assertBounds(size, Paging.MIN_SIZE, Paging.MAX_SIZE, Paging.DEFAULT_SIZE));

        Map<String, String> listings = Map.of(account + "/tasks", TASKS,
                integration + "/rejected", INTEGRATION + "/rejected",
                integration + "/runs", INTEGRATION + "/runs");
        listings.forEach((listing, documented) -> {
            assertHeldToTheDocumentedBounds(listing, documented, "size");
            if (!listing.endsWith("/runs")) {
                assertHeldToTheDocumentedBounds(listing, documented, "page");
            }
        });
    }

    @Test
    void searchTextsAreDocumentedWithTheLengthTheyAreHeldTo() {
        assertThat(parameters()).filteredOn(p -> p.path("name").asText().equals("q")).hasSize(2)
                .allSatisfy(q -> assertThat(q.path("schema").path("maxLength").asInt()).isEqualTo(Check.MAX_TEXT));
        int longest = schemaOf(TASKS, "q").path("maxLength").asInt();
        assertThat(admin.get(tasks("q=" + "q".repeat(longest))).status()).isEqualTo(200);
        assertRefused(admin.get(tasks("q=" + "q".repeat(longest + 1))), "q");
    }

    @Test
    void enumeratedParametersListWhatTheCodeTakes() {
        for (JsonNode status : schemaOf(TASKS, "status").path("enum")) {
            assertThat(admin.get(tasks("status=" + status.asText())).status()).isEqualTo(200);
        }
        assertRefused(admin.get(tasks("status=deleted")), "status");
        assertThat(texts(schemaOf("/api/accounts/{acc}/quickbooks/documents", "type").path("enum")))
                .isEqualTo(QuickBooksApi.DOCUMENT_TYPES);
        assertThat(texts(schemaOf("/api/accounts/{acc}/tasks/{taskId}/quickbooks/links/{documentType}/{documentId}",
                "delete", "documentType").path("enum"))).isEqualTo(QuickBooksApi.DOCUMENT_TYPES);
    }

    @Test
    void aUsersFieldsAreDocumentedWithTheLimitsTheCodeHolds() {
        JsonNode email = field("NewUser", "email");
        assertThat(email.path("maxLength").asInt()).isEqualTo(Check.MAX_EMAIL);
        assertThat(email.path("pattern").asText()).isEqualTo(Check.EMAIL.pattern());
        int longestEmail = email.path("maxLength").asInt();
        assertThat(newUser(Map.of("email", address(longestEmail))).status()).isEqualTo(201);
        assertRefused(newUser(Map.of("email", address(longestEmail + 1))), "email");
        assertRefused(newUser(Map.of("email", "no-domain")), "email");

        JsonNode password = field("NewUser", "password");
        assertThat(password.path("minLength").asInt()).isEqualTo(Check.MIN_PASSWORD);
        assertThat(password.path("maxLength").asInt()).isEqualTo(Check.MAX_PASSWORD_BYTES);
        int shortest = password.path("minLength").asInt();
        int longest = password.path("maxLength").asInt();
        assertThat(newUser(Map.of("password", "p".repeat(shortest))).status()).isEqualTo(201);
        assertRefused(newUser(Map.of("password", "p".repeat(shortest - 1))), "password");
        assertThat(newUser(Map.of("password", "p".repeat(longest))).status()).isEqualTo(201);
        assertRefused(newUser(Map.of("password", "p".repeat(longest + 1))), "password");

        List<String> roles = UsersApi.ROLES.stream().map(Enum::name).toList();
        assertThat(texts(field("NewUser", "role").path("enum"))).isEqualTo(roles);
        assertThat(texts(field("NewAssignee", "role").path("enum"))).isEqualTo(roles);
        for (JsonNode role : field("NewUser", "role").path("enum")) {
            assertThat(newUser(Map.of("role", role.asText())).status()).isEqualTo(201);
        }
        assertRefused(newUser(Map.of("role", "OPERATOR")), "role");

        int longestName = field("NewUser", "name").path("maxLength").asInt();
        assertThat(longestName).isEqualTo(Check.MAX_TEXT);
        assertThat(newUser(Map.of("name", "n".repeat(longestName))).status()).isEqualTo(201);
        assertRefused(newUser(Map.of("name", "n".repeat(longestName + 1))), "name");
        int longestAccount = field("NewAccount", "name").path("maxLength").asInt();
        assertThat(longestAccount).isEqualTo(Check.MAX_TEXT);
        assertThat(operator.post("/api/accounts", Map.of("name", "a".repeat(longestAccount))).status()).isEqualTo(201);
        assertRefused(operator.post("/api/accounts", Map.of("name", "a".repeat(longestAccount + 1))), "name");
    }

    @Test
    void intervalsAndTypesAreDocumentedWithTheBoundsTheIntegrationTakes() {
        for (String schema : List.of("NewIntegration", "NewConnection", "TimerChange")) {
            JsonNode documented = field(schema, "intervalSeconds");
            assertThat(documented.path("minimum").asInt()).isEqualTo(IntegrationsApi.MIN_INTERVAL);
            assertThat(documented.path("maximum").asInt()).isEqualTo(IntegrationsApi.MAX_INTERVAL);
        }
        JsonNode interval = field("TimerChange", "intervalSeconds");
        int least = interval.path("minimum").asInt();
        int most = interval.path("maximum").asInt();
        assertThat(timer(least).status()).isEqualTo(200);
        assertRefused(timer(least - 1), "intervalSeconds");
        assertThat(timer(most).status()).isEqualTo(200);
        assertRefused(timer(most + 1), "intervalSeconds");

        int mostTypes = field("SelectedTypes", "selectedTypes").path("maxItems").asInt();
        assertThat(mostTypes).isEqualTo(InputLimits.MAX_ENTRIES);
        assertThat(types(mostTypes).status()).isEqualTo(200);
        assertThat(types(mostTypes + 1).status()).isEqualTo(400);
    }

    @Test
    void providersAreDocumentedAsTheOnesTheHubConnects() {
        List<String> listed = admin.get("/api/providers").json().findValuesAsText("id");
        assertThat(texts(field("NewIntegration", "provider").path("enum"))).isEqualTo(listed);
        assertThat(texts(field("NewConnection", "provider").path("enum"))).isNotEmpty().isSubsetOf(listed);
        assertRefused(admin.post(account + "/integrations", Map.of("provider", "unknown",
                "credentials", Map.of())), "provider");
    }

    @Test
    void everyRequestFieldIsBoundedAtLeastByWhatBindingHolds() {
        List<JsonNode> bounded = new ArrayList<>();
        requestSchemas().forEach(schema -> schema.path("properties").forEach(bounded::add));
        assertThat(bounded).hasSizeGreaterThan(25).allSatisfy(field -> {
            switch (field.path("type").asText()) {
                case "string" -> assertThat(field.has("enum") || field.has("format")
                        || field.path("maxLength").asInt() <= InputLimits.MAX_TEXT && field.has("maxLength"))
                        .as(field.toString()).isTrue();
                case "array" -> assertThat(field.path("maxItems").asInt()).isEqualTo(InputLimits.MAX_ENTRIES);
                case "object" -> assertThat(field.path("maxProperties").asInt()).isEqualTo(InputLimits.MAX_ENTRIES);
                default -> {
                }
            }
        });
        assertThat(field("NewInvoice", "reference").path("maxLength").asInt()).isEqualTo(InvoicesApi.MAX_REFERENCE);
        assertThat(field("NewInvoiceLine", "description").path("maxLength").asInt())
                .isEqualTo(InvoicesApi.MAX_DESCRIPTION);
        assertThat(texts(field("CopyDetails", "direction").path("enum"))).isEqualTo(QuickBooksCustomersApi.DIRECTIONS);
        assertThat(texts(field("DocumentLink", "documentType").path("enum"))).isEqualTo(QuickBooksApi.DOCUMENT_TYPES);
    }

    /** The schemas of request bodies, and those they refer to. */
    private List<JsonNode> requestSchemas() {
        List<JsonNode> schemas = new ArrayList<>(openapi.path("paths").findValues("requestBody"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < schemas.size(); i++) {
            for (String ref : schemas.get(i).findValuesAsText("$ref")) {
                if (seen.add(ref)) {
                    schemas.add(openapi.path("components").path("schemas").path(ref.substring(SCHEMAS.length())));
                }
            }
        }
        return schemas;
    }

    private void assertHeldToTheDocumentedBounds(String listing, String documented, String name) {
        JsonNode schema = schemaOf(documented, name);
        long least = schema.path("minimum").asLong();
        long most = schema.path("maximum").asLong();
        String separator = listing.contains("?") ? "&" : "?";
        assertThat(admin.get(listing + separator + name + "=" + least).status()).as(listing).isEqualTo(200);
        assertThat(admin.get(listing + separator + name + "=" + most).status()).as(listing).isEqualTo(200);
        assertRefused(admin.get(listing + separator + name + "=" + (least - 1)), name);
        assertRefused(admin.get(listing + separator + name + "=" + (most + 1)), name);
    }

    private static void assertBounds(JsonNode parameter, int minimum, int maximum, int byDefault) {
        JsonNode schema = parameter.path("schema");
        assertThat(List.of(schema.path("minimum").asInt(), schema.path("maximum").asInt(),
                schema.path("default").asInt())).as(parameter.toString()).containsExactly(minimum, maximum, byDefault);
    }

    private static void assertRefused(HubClient.Answer answer, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.get("field").asText()).isEqualTo(field);
    }

    private HubClient.Answer newUser(Map<String, String> overrides) {
        Map<String, String> user = new HashMap<>(Map.of("email", "u" + System.nanoTime() + DOMAIN,
                "role", "REGULAR", "password", "long-enough"));
        user.putAll(overrides);
        return admin.post(account + "/users", user);
    }

    private HubClient.Answer timer(int seconds) {
        return admin.put(integration + "/timer", Map.of("intervalSeconds", seconds));
    }

    private HubClient.Answer types(int entries) {
        return admin.put(integration + "/types",
                Map.of("selectedTypes", Collections.nCopies(entries, "opportunities")));
    }

    /** An address of exactly {@code length} characters, unique to the call. */
    private static String address(int length) {
        String unique = System.nanoTime() + DOMAIN;
        return "e".repeat(length - unique.length()) + unique;
    }

    private String tasks(String query) {
        return account + "/tasks?" + query;
    }

    private List<JsonNode> parameters() {
        return openapi.path("paths").findValues("parameters").stream()
                .flatMap(list -> StreamSupport.stream(list.spliterator(), false)).toList();
    }

    private JsonNode schemaOf(String path, String name) {
        return schemaOf(path, "get", name);
    }

    private JsonNode schemaOf(String path, String method, String name) {
        for (JsonNode parameter : openapi.path("paths").path(path).path(method).path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter.path("schema");
            }
        }
        throw new AssertionError(method + " " + path + " documents no parameter " + name);
    }

    private JsonNode field(String schema, String name) {
        JsonNode field = openapi.path("components").path("schemas").path(schema).path("properties").path(name);
        assertThat(field.isObject()).as(schema + "." + name + " is documented").isTrue();
        return field;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
