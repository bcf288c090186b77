package io.taskhub.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** Bodies clients send, as bound from JSON by the REST DSL. Checked by the API beans, field by field. */
public final class Requests {

    private Requests() {
    }

    public record NewAccount(String name) {
    }

    public record NewUser(String email, String name, String role, String password) {
    }

    public record NewIntegration(String provider, Map<String, String> credentials, Map<String, String> endpoint,
                                 List<String> selectedTypes, Integer intervalSeconds, Map<String, Object> settings) {
    }

    public record SelectedTypes(List<String> selectedTypes) {
    }

    public record XeroSettingsChange(String revenueAccountCode, String expenseAccountCode) {
    }

    public record TimerChange(Integer intervalSeconds) {
    }

    public record Reenable(Map<String, String> credentials) {
    }

    /** Which of the organisations a consent covers the connection is for. */
    public record OrganisationChoice(String tenantId) {
    }

    /** All but the provider optional; {@code integrationId} re-enables that integration instead of creating one. */
    public record NewConnection(String provider, Map<String, String> endpoint, List<String> selectedTypes,
                                Integer intervalSeconds, Map<String, Object> settings,
                                @JsonDeserialize(using = InputLimits.IdText.class) String integrationId) {
    }

    public record NewAssignee(String email, String role) {
    }

    public record NewInvoice(Long clientId, String date, String dueDate, String reference,
                             List<NewInvoiceLine> lines) {
    }

    public record NewInvoiceLine(@JsonDeserialize(using = InputLimits.MultiLineText.class) String description,
                                 BigDecimal quantity, BigDecimal unitAmount) {
    }
}
