package io.taskhub.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.taskhub.model.Task;
import io.taskhub.provider.insightly.InsightlyMapper;
import io.taskhub.security.Caller;
import io.taskhub.security.UserDirectory;
import io.taskhub.sync.StoredIntegration;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * {@code /api/accounts/{acc}/quickbooks/...} and the QuickBooks parts of clients and tasks (CONTRACT §5): the read
 * copy searched, a client's view with suggestions, overview and documents, and the links, which live in the hub
 * alone. Creating customers and copying details, which change QuickBooks or the CRM, are {@link QuickBooksCustomersApi}'s.
 */
@Component("quickbooksApi")
public class QuickBooksApi {

    static final List<String> DOCUMENT_TYPES = List.of("INVOICE", "PAYMENT", "ESTIMATE");
    /** The tasks accounting documents concern. */
    private static final Set<String> LINKABLE_TASK_TYPES = Set.of(InsightlyMapper.OPPORTUNITIES,
            InsightlyMapper.PROJECTS);

    private final UserDirectory directory;
    private final QuickBooksIntegrations integrations;
    private final QuickBooksQueries queries;
    private final TaskQueries tasks;

    public QuickBooksApi(UserDirectory directory, QuickBooksIntegrations integrations, QuickBooksQueries queries,
                         TaskQueries tasks) {
        this.directory = directory;
        this.integrations = integrations;
        this.queries = queries;
        this.tasks = tasks;
    }

    public List<QuickBooksViews.Customer> customers(@Header("acc") String acc, @Header("q") String q) {
        StoredIntegration quickbooks = integrations.of(Accounts.existing(directory, acc));
        return queries.customers(quickbooks.id(), blank(q) ? null : Check.text("q", q));
    }

    /**
     * Opening a client's view searches the customers for it (an organisation by name, a contact by name or email)
     * until it is linked; once linked, the view shows the customer's overview and documents.
     */
    public QuickBooksViews.ClientView client(@Header("acc") String acc, @Header("clientId") String clientId,
                                             @Header("show") String show) {
        long account = Accounts.existing(directory, acc);
        List<String> types = shown(show);
        StoredIntegration quickbooks = integrations.of(account);
        QuickBooksQueries.ClientRow client = client(account, clientId);
        Optional<QuickBooksViews.Link> link = queries.link(quickbooks.id(), client.id());
        if (link.isEmpty()) {
            boolean byEmail = !InsightlyMapper.ORGANISATIONS.equals(client.type());
            return new QuickBooksViews.ClientView(null, queries.suggestions(quickbooks.id(), client, byEmail), null,
                    List.of());
        }
        String customerId = link.get().customerId();
        return new QuickBooksViews.ClientView(link.get(), List.of(),
                queries.overview(quickbooks.id(), customerId).orElse(null),
                queries.documentsOf(quickbooks.id(), customerId, types));
    }

    /** 201 with the link; the same link again is answered 200; another customer while linked is a 409. */
    public QuickBooksViews.Link link(@Header("acc") String acc, @Header("clientId") String clientId,
                                     @Body QuickBooksRequests.CustomerLink body, Exchange exchange) {
        long account = Accounts.existing(directory, acc);
        StoredIntegration quickbooks = integrations.of(account);
        QuickBooksQueries.ClientRow client = client(account, clientId);
        String customerId = Check.text("customerId", Check.body(body).customerId());
        QuickBooksQueries.StoredCustomer customer = queries.customer(quickbooks.id(), customerId)
                .orElseThrow(() -> new ApiProblem(404, "Not found", "customerId: QuickBooks has no customer "
                        + customerId, "customerId"));
        QuickBooksViews.Link link = new QuickBooksViews.Link(customer.customerId(), customer.displayName());
        if (queries.link(quickbooks.id(), client.id(), customerId, Caller.of(exchange).login())) {
            return Http.created(exchange, link);
        }
        QuickBooksViews.Link existing = queries.link(quickbooks.id(), client.id()).orElse(null);
        if (existing != null && existing.customerId().equals(customerId)) {
            return existing;
        }
        throw ApiProblem.conflict("client " + client.id() + " is linked to QuickBooks customer "
                + (existing == null ? "?" : existing.customerId()) + " already: unlink it first");
    }

    public void unlink(@Header("acc") String acc, @Header("clientId") String clientId, Exchange exchange) {
        long account = Accounts.existing(directory, acc);
        StoredIntegration quickbooks = integrations.of(account);
        QuickBooksQueries.ClientRow client = client(account, clientId);
        if (!queries.unlink(quickbooks.id(), client.id())) {
            throw ApiProblem.notFound("client " + client.id() + " is not linked to a QuickBooks customer");
        }
        Http.noContent(exchange);
    }

    /** Documents by type, number and transaction date range (inclusive). */
    public List<QuickBooksViews.Document> documents(@Header("acc") String acc, @Header("type") String type,
                                                    @Header("docNumber") String docNumber,
                                                    @Header("from") String from, @Header("to") String to) {
        StoredIntegration quickbooks = integrations.of(Accounts.existing(directory, acc));
        LocalDate since = date("from", from);
        LocalDate until = date("to", to);
        if (since != null && until != null && until.isBefore(since)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        return queries.findDocuments(quickbooks.id(), blank(type) ? null : documentType("type", type),
                blank(docNumber) ? null : docNumber.trim(), since, until);
    }

    /** The documents linked to an opportunity or project (DIRECT), and those of its related clients. */
    public List<QuickBooksViews.TaskDocument> taskDocuments(@Header("acc") String acc,
                                                            @Header("taskId") String taskId) {
        long account = Accounts.existing(directory, acc);
        StoredIntegration quickbooks = integrations.of(account);
        return queries.taskDocuments(quickbooks.id(), linkableTask(account, taskId).id());
    }

    /** 201 with the document; linking it again is answered 200. */
    public QuickBooksViews.TaskDocument linkDocument(@Header("acc") String acc, @Header("taskId") String taskId,
                                                     @Body QuickBooksRequests.DocumentLink body, Exchange exchange) {
        long account = Accounts.existing(directory, acc);
        StoredIntegration quickbooks = integrations.of(account);
        Task task = linkableTask(account, taskId);
        Check.body(body);
        String type = documentType("documentType", body.documentType());
        String documentId = Check.text("documentId", body.documentId());
        QuickBooksViews.Document document = queries.document(quickbooks.id(), type, documentId)
                .orElseThrow(() -> new ApiProblem(404, "Not found", "documentId: QuickBooks has no " + type + " "
                        + documentId, "documentId"));
        QuickBooksViews.TaskDocument linked = new QuickBooksViews.TaskDocument(document, "DIRECT");
        boolean created = queries.linkDocument(quickbooks.id(), task.id(), type, documentId,
                Caller.of(exchange).login());
        return created ? Http.created(exchange, linked) : linked;
    }

    public void unlinkDocument(@Header("acc") String acc, @Header("taskId") String taskId,
                               @Header("documentType") String documentType, @Header("documentId") String documentId,
                               Exchange exchange) {
        long account = Accounts.existing(directory, acc);
        StoredIntegration quickbooks = integrations.of(account);
        Task task = linkableTask(account, taskId);
        String type = documentType("documentType", documentType);
        if (!queries.unlinkDocument(quickbooks.id(), task.id(), type, documentId)) {
            throw ApiProblem.notFound(type + " " + documentId + " is not linked to task " + task.id());
        }
        Http.noContent(exchange);
    }

    QuickBooksQueries.ClientRow client(long account, String clientId) {
        return queries.client(account, Check.id("clientId", clientId))
                .orElseThrow(() -> ApiProblem.notFound("no client " + clientId + " in this account"));
    }

    private Task linkableTask(long account, String taskId) {
        Task task = tasks.find(account, Check.id("taskId", taskId))
                .orElseThrow(() -> ApiProblem.notFound("no task " + taskId + " in this account"));
        if (!LINKABLE_TASK_TYPES.contains(task.type())) {
            throw ApiProblem.invalid("taskId", "task " + task.id() + " is a " + task.type()
                    + " task; accounting documents concern opportunities and projects");
        }
        return task;
    }

    /** {@code show}: invoices, payments, estimates or all (the default). */
    private static List<String> shown(String show) {
        if (blank(show) || show.trim().equalsIgnoreCase("all")) {
            return DOCUMENT_TYPES;
        }
        return switch (show.trim().toLowerCase(Locale.ROOT)) {
            case "invoices" -> List.of("INVOICE");
            case "payments" -> List.of("PAYMENT");
            case "estimates" -> List.of("ESTIMATE");
            default -> throw ApiProblem.invalid("show", "must be invoices, payments, estimates or all");
        };
    }

    static String documentType(String field, String value) {
        String type = Check.text(field, value).toUpperCase(Locale.ROOT);
        if (!DOCUMENT_TYPES.contains(type)) {
            throw ApiProblem.invalid(field, "must be one of " + DOCUMENT_TYPES);
        }
        return type;
    }

    private static LocalDate date(String field, String value) {
        if (blank(value)) {
            return null;
        }
        return Check.date(field, value);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
