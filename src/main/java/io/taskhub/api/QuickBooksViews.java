package io.taskhub.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the QuickBooks part of the REST API answers (CONTRACT §5). */
public final class QuickBooksViews {

    private QuickBooksViews() {
    }

    public record Customer(String customerId, String displayName, @Schema(nullable = true) String companyName,
                           @Schema(nullable = true) String email, boolean active) {
    }

    /** Nullable as a schema: a client view's link is null while unlinked (OpenAPI 3.0 cannot say it at the $ref). */
    @Schema(nullable = true)
    public record Link(String customerId, String displayName) {
    }

    /** @param matchedOn {@code NAME} or {@code EMAIL} */
    public record Suggestion(String customerId, String displayName, String matchedOn) {
    }

    /**
     * The linked customer's details, what its invoices still ask for, and how much of it is past due. Nullable as a
     * schema: a client view's overview is null while unlinked (OpenAPI 3.0 cannot say it at the $ref).
     */
    @Schema(nullable = true)
    public record Overview(@Schema(nullable = true) String email, @Schema(nullable = true) String phone,
                           @Schema(nullable = true) String address, @Schema(nullable = true) String website,
                           @Schema(nullable = true) BigDecimal openBalance,
                           @Schema(nullable = true) BigDecimal overdueBalance) {
    }

    public record Document(String type, String documentId, @Schema(nullable = true) String docNumber,
                           @Schema(nullable = true) LocalDate date, @Schema(nullable = true) LocalDate dueDate,
                           @Schema(nullable = true) BigDecimal total, @Schema(nullable = true) BigDecimal balance,
                           @Schema(nullable = true) String status, @Schema(nullable = true) String customerId) {
    }

    /** @param via {@code DIRECT} (linked to the task) or {@code INSIGHTLY_LINK} (a document of a related client) */
    public record TaskDocument(@JsonUnwrapped Document document, String via) {
    }

    public record ClientView(Link link, List<Suggestion> suggestions,
                             Overview overview, List<Document> documents) {
    }

    /** Both sides after a copy. */
    public record Copied(String direction, CustomerDetails customer, ClientDetails client) {
    }

    public record CustomerDetails(String customerId, String displayName, @Schema(nullable = true) String email,
                                  @Schema(nullable = true) String phone, @Schema(nullable = true) String fax,
                                  @Schema(nullable = true) String website, @Schema(nullable = true) String address) {
    }

    public record ClientDetails(long clientId, String name, @Schema(nullable = true) String email,
                                @Schema(nullable = true) String phone, @Schema(nullable = true) String website,
                                @Schema(nullable = true) String address) {
    }
}
