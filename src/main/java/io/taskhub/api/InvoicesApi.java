package io.taskhub.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.taskhub.model.ExportedInvoice;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.model.InvoiceExport;
import io.taskhub.provider.InvoiceRejected;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.provider.xero.XeroMapper;
import io.taskhub.sync.Causes;
import io.taskhub.sync.IntegrationLifecycle;
import io.taskhub.sync.StoredIntegration;
import org.apache.camel.Body;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code POST .../integrations/{id}/invoices}: an invoice for one of the integration's clients, made in Xero. */
@Component("invoicesApi")
public class InvoicesApi {

    private static final String EXPORTING_PROVIDER = "xero";
    static final int MAX_REFERENCE = 255;
    static final int MAX_DESCRIPTION = 4000;
    /** Quantities and unit amounts stay below a trillion, with at most the four decimals Xero keeps. */
    static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);
    static final int MAX_DECIMALS = 4;

    private final IntegrationsApi integrations;
    private final IntegrationLifecycle lifecycle;
    private final JdbcTemplate jdbc;
    private final ProducerTemplate camel;

    public InvoicesApi(IntegrationsApi integrations, IntegrationLifecycle lifecycle, JdbcTemplate jdbc,
                       ProducerTemplate camel) {
        this.integrations = integrations;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.camel = camel;
    }

    public ExportedInvoice create(@Header("acc") String acc, @Header("id") String id,
                                  @Body Requests.NewInvoice body, Exchange exchange) {
        StoredIntegration integration = integrations.find(acc, id);
        if (!integration.provider().equals(EXPORTING_PROVIDER)) {
            throw ApiProblem.notFound("integration " + integration.id() + " (" + integration.provider()
                    + ") does not export invoices");
        }
        if (integration.status() != IntegrationStatus.ACTIVE) {
            throw ApiProblem.conflict("integration " + integration.id() + " is " + integration.status());
        }
        if (!integration.settings().containsKey(XeroMapper.REVENUE_SETTING)) {
            throw ApiProblem.conflict("settings.revenueAccountCode is not set: choose the revenue account with PUT "
                    + ".../integrations/" + integration.id() + "/settings");
        }
        InvoiceExport export = export(integration, Check.body(body));
        Object answer;
        try {
            answer = camel.requestBody("direct:xero-invoice-export", export);
        } catch (CamelExecutionException e) {
            answer = thrownRefusal(e);
        }
        if (answer instanceof ExportedInvoice invoice) {
            return Http.created(exchange, invoice);
        }
        throw refusal(integration, (RuntimeException) answer);
    }

    private InvoiceExport export(StoredIntegration integration, Requests.NewInvoice body) {
        if (body.clientId() == null) {
            throw ApiProblem.invalid("clientId", "is required");
        }
        List<String> contact = jdbc.queryForList("select external_id from client where id = ? and integration_id = ?",
                String.class, body.clientId(), integration.id());
        LocalDate date = Check.date("date", body.date());
        LocalDate dueDate = body.dueDate() == null || body.dueDate().isBlank() ? null
                : Check.date("dueDate", body.dueDate());
        if (dueDate != null && dueDate.isBefore(date)) {
            throw ApiProblem.invalid("dueDate", "must not be before date");
        }
        String reference = body.reference() == null || body.reference().isBlank() ? null : body.reference().trim();
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw ApiProblem.invalid("reference", "must have at most " + MAX_REFERENCE + " characters");
        }
        List<InvoiceExport.Line> lines = lines(body.lines());
        if (contact.isEmpty()) {
            throw ApiProblem.notFound("client " + body.clientId() + " is not a contact of integration "
                    + integration.id());
        }
        return new InvoiceExport(integration.id(), contact.get(0), date, dueDate, reference, lines);
    }

    private static List<InvoiceExport.Line> lines(List<Requests.NewInvoiceLine> given) {
        if (given == null || given.isEmpty()) {
            throw ApiProblem.invalid("lines", "at least one line is required");
        }
        List<InvoiceExport.Line> lines = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "lines[" + i + "]";
            Requests.NewInvoiceLine line = given.get(i);
            if (line == null) {
                throw ApiProblem.invalid(field, "is required");
            }
            String description = Check.text(field + ".description", line.description(), MAX_DESCRIPTION);
            BigDecimal quantity = amount(field + ".quantity", line.quantity());
            if (quantity.signum() <= 0) {
                throw ApiProblem.invalid(field + ".quantity", "must be more than 0");
            }
            BigDecimal unitAmount = amount(field + ".unitAmount", line.unitAmount());
            lines.add(new InvoiceExport.Line(description, quantity, unitAmount));
        }
        return lines;
    }

    /** JSON numbers have no bound of their own: 1e400 is one, and the provider would be the one to refuse it. */
    private static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            throw ApiProblem.invalid(field, "is required");
        }
        if (value.abs().compareTo(MAX_AMOUNT) >= 0) {
            throw ApiProblem.invalid(field, "must be less than " + MAX_AMOUNT.toPlainString() + " in size");
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw ApiProblem.invalid(field, "must have at most " + MAX_DECIMALS + " decimals");
        }
        return value;
    }


    /** The provider's refusals become the client's answer; a refused token stops the integration as a sync would. */
    private RuntimeException refusal(StoredIntegration integration, RuntimeException refusal) {
        if (refusal instanceof InvoiceRejected) {
            return ApiProblem.rejectedByProvider(refusal.getMessage());
        }
        if (refusal instanceof ProviderRejection) {
            lifecycle.credentialsRefused(integration.id(), refusal.getMessage());
            return ApiProblem.rejectedByProvider(refusal.getMessage());
        }
        if (refusal instanceof ProviderUnavailable) {
            return new ApiProblem(503, "Provider unavailable", refusal.getMessage(), null);
        }
        return refusal;
    }

    /** The token refresh's refusal, or Xero out of reach after the retries; anything else is the hub's failure. */
    private static RuntimeException thrownRefusal(CamelExecutionException failure) {
        ProviderRejection rejection = Causes.find(failure, ProviderRejection.class);
        if (rejection != null) {
            return rejection;
        }
        if (Causes.find(failure, HttpOperationFailedException.class) != null
                || Causes.find(failure, IOException.class) != null) {
            return new ProviderUnavailable("Xero could not be reached: try again later");
        }
        throw failure;
    }
}
