package io.taskhub.api;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskhub.provider.Provider;
import io.taskhub.provider.Providers;
import io.taskhub.provider.oauth.AuthorizationFlow;
import org.springframework.stereotype.Component;

/**
 * Writes into the OpenAPI document the limits the API beans hold their input to, from the very constants they check
 * with: what the REST DSL declares of a parameter or a body field is only its type, and a limit copied by hand into
 * it would drift from the code. A field named here that the document lacks fails the document, not silently.
 */
@Component
class DocumentedLimits {

    private static final String PREFIX = "#/components/schemas/";

    /** The providers an integration can be enabled for, and those connected by signing in (NewConnection). */
    private final List<String> providers;
    private final List<String> signInProviders;

    DocumentedLimits(Providers providers, List<AuthorizationFlow> flows) {
        this.providers = providers.all().stream().map(Provider::id).toList();
        this.signInProviders = flows.stream().map(AuthorizationFlow::provider).sorted().toList();
    }

    void write(JsonNode openapi) {
        openapi.path("paths").forEach(path -> path.forEach(operation ->
                operation.path("parameters").forEach(parameter -> parameter((ObjectNode) parameter))));
        ObjectNode schemas = (ObjectNode) openapi.path("components").path("schemas");
        fields(schemas);
        oneOf(field(schemas, "NewIntegration", "provider"), providers);
        oneOf(field(schemas, "NewConnection", "provider"), signInProviders);
        requestSchemas(openapi, schemas).forEach(name -> bindingLimits(schemas.path(name)));
    }

    private static void parameter(ObjectNode parameter) {
        ObjectNode schema = (ObjectNode) parameter.path("schema");
        // every int64 parameter of the API is an id, read with Check.id
        if (schema.path("format").asText().equals("int64")) {
            schema.put("minimum", Check.MIN_ID);
        }
        switch (parameter.path("name").asText()) {
            case "page" -> schema.put("minimum", Paging.FIRST_PAGE).put("maximum", Paging.LAST_PAGE)
                    .put("default", Paging.FIRST_PAGE);
            case "size" -> schema.put("minimum", Paging.MIN_SIZE).put("maximum", Paging.MAX_SIZE)
                    .put("default", Paging.DEFAULT_SIZE);
            case "q" -> schema.put("maxLength", Check.MAX_TEXT);
            default -> {
            }
        }
    }

    /** Each body field's own limits, as its API bean checks it. */
    private static void fields(ObjectNode schemas) {
        requiredText(schemas, "NewAccount", "name");

        email(schemas, "NewUser");
        text(field(schemas, "NewUser", "name"), Check.MAX_TEXT);
        roles(schemas, "NewUser");
        field(schemas, "NewUser", "password").put("format", "password").put("minLength", Check.MIN_PASSWORD)
                .put("maxLength", Check.MAX_PASSWORD_BYTES)
                .put("description", "At least " + Check.MIN_PASSWORD + " characters and at most "
                        + Check.MAX_PASSWORD_BYTES + " bytes in UTF-8 (bcrypt reads no further)");
        required(schemas, "NewUser", "email", "role", "password");

        email(schemas, "NewAssignee");
        roles(schemas, "NewAssignee");
        required(schemas, "NewAssignee", "email");

        requiredText(schemas, "NewIntegration", "provider");
        required(schemas, "NewIntegration", "credentials");
        interval(schemas, "NewIntegration");
        interval(schemas, "TimerChange");
        required(schemas, "TimerChange", "intervalSeconds");
        required(schemas, "Reenable", "credentials");
        requiredText(schemas, "NewConnection", "provider");
        interval(schemas, "NewConnection");
        requiredText(schemas, "OrganisationChoice", "tenantId");
        requiredText(schemas, "XeroSettingsChange", "revenueAccountCode");
        requiredText(schemas, "XeroSettingsChange", "expenseAccountCode");

        field(schemas, "NewInvoice", "date").put("format", "date");
        field(schemas, "NewInvoice", "dueDate").put("format", "date");
        text(field(schemas, "NewInvoice", "reference"), InvoicesApi.MAX_REFERENCE);
        field(schemas, "NewInvoice", "lines").put("minItems", 1);
        required(schemas, "NewInvoice", "clientId", "date", "lines");
        requiredText(schemas, "NewInvoiceLine", "description").put("maxLength", InvoicesApi.MAX_DESCRIPTION);
        amount(field(schemas, "NewInvoiceLine", "quantity")).put("minimum", 0).put("exclusiveMinimum", true);
        amount(field(schemas, "NewInvoiceLine", "unitAmount")).put("minimum", InvoicesApi.MAX_AMOUNT.negate())
                .put("exclusiveMinimum", true);
        required(schemas, "NewInvoiceLine", "quantity", "unitAmount");

        requiredText(schemas, "CustomerLink", "customerId");
        oneOf(field(schemas, "CopyDetails", "direction"), QuickBooksCustomersApi.DIRECTIONS);
        required(schemas, "CopyDetails", "direction");
        oneOf(field(schemas, "DocumentLink", "documentType"), QuickBooksApi.DOCUMENT_TYPES);
        requiredText(schemas, "DocumentLink", "documentId");
        required(schemas, "DocumentLink", "documentType");
    }

    private static void email(ObjectNode schemas, String schema) {
        field(schemas, schema, "email").put("format", "email").put("maxLength", Check.MAX_EMAIL)
                .put("pattern", Check.EMAIL.pattern());
    }

    private static void roles(ObjectNode schemas, String schema) {
        oneOf(field(schemas, schema, "role"), UsersApi.ROLES.stream().map(Enum::name).toList());
    }

    private static void interval(ObjectNode schemas, String schema) {
        field(schemas, schema, "intervalSeconds").put("minimum", IntegrationsApi.MIN_INTERVAL)
                .put("maximum", IntegrationsApi.MAX_INTERVAL);
    }

    /** A text Check.text reads: not blank, at most {@link Check#MAX_TEXT} characters. */
    private static ObjectNode requiredText(ObjectNode schemas, String schema, String name) {
        required(schemas, schema, name);
        return text(field(schemas, schema, name), Check.MAX_TEXT).put("minLength", 1);
    }

    private static ObjectNode text(ObjectNode field, int maxLength) {
        return field.put("maxLength", maxLength);
    }

    /** An invoice line's number, as {@code InvoicesApi} bounds it. */
    private static ObjectNode amount(ObjectNode field) {
        return field.put("maximum", InvoicesApi.MAX_AMOUNT).put("exclusiveMaximum", true)
                .put("multipleOf", BigDecimal.ONE.movePointLeft(InvoicesApi.MAX_DECIMALS));
    }

    private static void oneOf(ObjectNode field, List<String> values) {
        values.forEach(field.putArray("enum")::add);
    }

    private static void required(ObjectNode schemas, String schema, String... names) {
        ArrayNode required = object(schemas, schema).withArray("required");
        for (String name : names) {
            field(schemas, schema, name);
            required.add(name);
        }
    }

    private static ObjectNode field(ObjectNode schemas, String schema, String name) {
        if (!(object(schemas, schema).path("properties").path(name) instanceof ObjectNode field)) {
            throw new IllegalStateException("the OpenAPI schema " + schema + " has no field " + name);
        }
        return field;
    }

    private static ObjectNode object(ObjectNode schemas, String schema) {
        if (!(schemas.path(schema) instanceof ObjectNode object)) {
            throw new IllegalStateException("the OpenAPI document has no schema " + schema);
        }
        return object;
    }

    /** The schemas of request bodies, and those they refer to (an invoice's lines). */
    private static Set<String> requestSchemas(JsonNode openapi, ObjectNode schemas) {
        Deque<JsonNode> pending = new ArrayDeque<>(openapi.path("paths").findValues("requestBody"));
        Set<String> names = new HashSet<>();
        while (!pending.isEmpty()) {
            for (String ref : pending.pop().findValuesAsText("$ref")) {
                String name = ref.substring(PREFIX.length());
                if (names.add(name)) {
                    pending.add(schemas.path(name));
                }
            }
        }
        return names;
    }

    /** What InputLimits holds every bound value to, where a field has no tighter limit of its own. */
    private static void bindingLimits(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        switch (node.path("type").asText()) {
            case "string" -> {
                // a date or an enum is bounded by its form already
                if (!node.has("maxLength") && !node.has("enum") && !node.has("format")) {
                    node.put("maxLength", InputLimits.MAX_TEXT);
                }
            }
            case "array" -> node.put("maxItems", InputLimits.MAX_ENTRIES);
            case "object" -> {
                if (node.has("additionalProperties")) {
                    node.put("maxProperties", InputLimits.MAX_ENTRIES);
                }
            }
            default -> {
            }
        }
        node.path("properties").forEach(DocumentedLimits::bindingLimits);
        bindingLimits(node.path("items"));
        bindingLimits(node.path("additionalProperties"));
    }
}
