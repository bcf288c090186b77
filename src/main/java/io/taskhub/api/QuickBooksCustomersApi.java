package io.taskhub.api;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskhub.model.ClientRecord;
import io.taskhub.model.ContactDetails;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.model.PostalAddress;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.insightly.InsightlyDetails;
import io.taskhub.provider.insightly.InsightlyMapper;
import io.taskhub.provider.insightly.InsightlyRecords;
import io.taskhub.provider.quickbooks.QuickBooksCalls;
import io.taskhub.provider.quickbooks.QuickBooksCustomer;
import io.taskhub.provider.quickbooks.QuickBooksFault;
import io.taskhub.provider.quickbooks.QuickBooksMapper;
import io.taskhub.provider.quickbooks.QuickBooksRequest;
import io.taskhub.security.Caller;
import io.taskhub.security.UserDirectory;
import io.taskhub.sync.Causes;
import io.taskhub.sync.IntegrationLifecycle;
import io.taskhub.sync.StoredIntegration;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * What changes QuickBooks or the CRM from a client's QuickBooks view: a customer created from the client (never a
 * vendor) and linked, and contact details copied one way or the other. The CRM side is read from and written to
 * Insightly itself, so that a copy neither works from a stale read copy nor is undone by the next sync.
 */
@Component("quickbooksCustomersApi")
public class QuickBooksCustomersApi {

    static final List<String> DIRECTIONS = List.of("TO_QUICKBOOKS", "FROM_QUICKBOOKS");
    private static final String CUSTOMER = "Customer";
    /** Customer ids are QuickBooks' numbers; anything else would change the path the token is sent to. */
    private static final Pattern CUSTOMER_ID = Pattern.compile("[0-9]{1,20}");

    private final UserDirectory directory;
    private final QuickBooksIntegrations integrations;
    private final QuickBooksQueries queries;
    private final QuickBooksApi views;
    private final QuickBooksCalls calls;
    private final InsightlyRecords insightly;
    private final IntegrationLifecycle lifecycle;
    private final InsightlyMapper insightlyMapper = new InsightlyMapper(Set.of(), Set.of());

    public QuickBooksCustomersApi(UserDirectory directory, QuickBooksIntegrations integrations,
                                  QuickBooksQueries queries, QuickBooksApi views, QuickBooksCalls calls,
                                  InsightlyRecords insightly, IntegrationLifecycle lifecycle) {
        this.directory = directory;
        this.integrations = integrations;
        this.queries = queries;
        this.views = views;
        this.calls = calls;
        this.insightly = insightly;
        this.lifecycle = lifecycle;
    }

    /** A customer named after the client, with its details, linked to it. A name QuickBooks has already is a 409. */
    public QuickBooksViews.Link createCustomer(@Header("acc") String acc, @Header("clientId") String clientId,
                                               Exchange exchange) {
        long account = Accounts.existing(directory, acc);
        StoredIntegration quickbooks = integrations.active(account);
        QuickBooksQueries.ClientRow client = views.client(account, clientId);
        queries.link(quickbooks.id(), client.id()).ifPresent(link -> {
            throw ApiProblem.conflict("client " + client.id() + " is linked to QuickBooks customer "
                    + link.customerId() + " already");
        });
        ObjectNode customer = QuickBooksMapper.newCustomer(client.name(),
                InsightlyMapper.ORGANISATIONS.equals(client.type()), crmDetails(client));
        QuickBooksCustomer created = QuickBooksMapper.customer(QuickBooksMapper.entity(
                quickbooks(quickbooks, QuickBooksRequest.post("customer", customer)), CUSTOMER));
        queries.storeCustomer(quickbooks.id(), created);
        if (!queries.link(quickbooks.id(), client.id(), created.customerId(), Caller.of(exchange).login())) {
            throw ApiProblem.conflict("client " + client.id() + " was linked meanwhile; QuickBooks customer "
                    + created.customerId() + " was created all the same");
        }
        return Http.created(exchange, new QuickBooksViews.Link(created.customerId(), created.displayName()));
    }

    /**
     * Copies addresses, phone and fax numbers, email and website from one side to the other: to QuickBooks as a
     * sparse update with the customer's current SyncToken, from QuickBooks as a partial update of the Insightly
     * record. Only details the source has are copied; the target keeps the others.
     */
    public QuickBooksViews.Copied copy(@Header("acc") String acc, @Header("clientId") String clientId,
                                       @Body QuickBooksRequests.CopyDetails body) {
        long account = Accounts.existing(directory, acc);
        String direction = Check.text("direction", Check.body(body).direction()).toUpperCase(Locale.ROOT);
        if (!DIRECTIONS.contains(direction)) {
            throw ApiProblem.invalid("direction", "must be " + String.join(" or ", DIRECTIONS));
        }
        StoredIntegration quickbooks = integrations.active(account);
        QuickBooksQueries.ClientRow client = views.client(account, clientId);
        String customerId = queries.link(quickbooks.id(), client.id())
                .orElseThrow(() -> ApiProblem.conflict("client " + client.id() + " is not linked to a QuickBooks "
                        + "customer: link it first"))
                .customerId();
        if (!CUSTOMER_ID.matcher(customerId).matches()) {
            throw new IllegalStateException("a QuickBooks customer id that is not a number: " + customerId);
        }
        JsonNode current = QuickBooksMapper.entity(quickbooks(quickbooks,
                QuickBooksRequest.get("customer/" + customerId, Map.of())), CUSTOMER);
        QuickBooksCustomer customer;
        if (direction.equals("TO_QUICKBOOKS")) {
            ObjectNode update = QuickBooksMapper.detailsUpdate(customerId, current.path("SyncToken").asText(),
                    crmDetails(client));
            customer = QuickBooksMapper.customer(QuickBooksMapper.entity(
                    quickbooks(quickbooks, QuickBooksRequest.post("customer", update)), CUSTOMER));
        } else {
            customer = QuickBooksMapper.customer(current);
            copyIntoCrm(client, QuickBooksMapper.details(current));
        }
        queries.storeCustomer(quickbooks.id(), customer);
        QuickBooksQueries.ClientRow after = views.client(account, clientId);
        return new QuickBooksViews.Copied(direction,
                new QuickBooksViews.CustomerDetails(customer.customerId(), customer.displayName(), customer.email(),
                        customer.phone(), customer.fax(), customer.website(), customer.address()),
                new QuickBooksViews.ClientDetails(after.id(), after.name(), after.email(), after.phone(),
                        after.website(), after.address()));
    }

    /**
     * The client's details as its CRM has them now: Insightly's record itself (structured addresses, fax), else,
     * for other CRMs or an Insightly integration that waits to be re-enabled, what the hub stored.
     */
    private ContactDetails crmDetails(QuickBooksQueries.ClientRow client) {
        StoredIntegration crm = integrations.find(client.integrationId());
        if (fromInsightly(client) && crm.status() == IntegrationStatus.ACTIVE) {
            JsonNode record = insightly(crm, () -> insightly.read(integrations.connection(crm), client.type(),
                    client.externalId()));
            return InsightlyDetails.details(client.type(), record);
        }
        return new ContactDetails(client.email(), client.phone(), null, null, client.website(),
                client.address() == null ? null : new PostalAddress(client.address(), null, null, null, null), null);
    }

    /** Writes the details onto the Insightly record, then stores the client as Insightly answered it. */
    private void copyIntoCrm(QuickBooksQueries.ClientRow client, ContactDetails details) {
        if (!fromInsightly(client)) {
            throw ApiProblem.conflict("the hub copies details into Insightly contacts and organisations only, not "
                    + "into " + client.provider() + " " + client.type());
        }
        StoredIntegration crm = integrations.find(client.integrationId());
        JsonNode updated = insightly(crm, () -> {
            JsonNode record = insightly.read(integrations.connection(crm), client.type(), client.externalId());
            ObjectNode update = InsightlyDetails.update(client.type(), record, details);
            // the id alone: QuickBooks has nothing the record could take
            return update.size() > 1 ? insightly.update(integrations.connection(crm), client.type(), update) : record;
        });
        ClientRecord copied = insightlyMapper.map(client.type(), updated, Map.of(), Set.of()).client();
        queries.updateClient(client.id(), copied);
    }

    private static boolean fromInsightly(QuickBooksQueries.ClientRow client) {
        return client.provider().equals("insightly") && InsightlyDetails.supports(client.type());
    }

    /** A QuickBooks call, its refusals made answers: a taken name or an outdated record is a conflict. */
    private JsonNode quickbooks(StoredIntegration integration, QuickBooksRequest request) {
        try {
            return calls.call(calls.company(integration.id(), integrations.connection(integration)), request);
        } catch (QuickBooksFault e) {
            if (e.has(QuickBooksFault.DUPLICATE_NAME) || e.has(QuickBooksFault.STALE_OBJECT)) {
                throw ApiProblem.conflict(e.getMessage());
            }
            if (e.has(QuickBooksFault.NOT_FOUND)) {
                throw ApiProblem.notFound(e.getMessage());
            }
            throw ApiProblem.rejectedByProvider(e.getMessage());
        } catch (ProviderRejection e) {
            lifecycle.credentialsRefused(integration.id(), e.getMessage());
            throw ApiProblem.rejectedByProvider(e.getMessage());
        } catch (RuntimeCamelException | UncheckedIOException e) {
            throw unavailable("QuickBooks", e);
        }
    }

    private <T> T insightly(StoredIntegration integration, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProviderRejection e) {
            lifecycle.credentialsRefused(integration.id(), e.getMessage());
            throw ApiProblem.rejectedByProvider(e.getMessage());
        } catch (IllegalStateException e) {
            throw unavailable("Insightly", e);
        }
    }

    /** Throttled: try again shortly (503); anything else the provider failed at is a bad gateway (502). */
    private static ApiProblem unavailable(String provider, RuntimeException e) {
        HttpOperationFailedException http = Causes.find(e, HttpOperationFailedException.class);
        if (http != null && http.getStatusCode() == 429) {
            return new ApiProblem(503, "Service unavailable", provider + " is throttling the hub's requests: "
                    + "try again in a minute", null);
        }
        return new ApiProblem(502, "Bad gateway", provider + " could not complete the request: " + e.getMessage(),
                null);
    }
}
