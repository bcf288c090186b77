package io.taskhub.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** What the QuickBooks part of the REST API answers (CONTRACT §5). */
public final class QuickBooksViews {

    private QuickBooksViews() {
    }

    public record Customer(String customerId, String displayName, String companyName, String email, boolean active) {
    }

    public record Link(String customerId, String displayName) {
    }

    /** @param matchedOn {@code NAME} or {@code EMAIL} */
    public record Suggestion(String customerId, String displayName, String matchedOn) {
    }

    /** The linked customer's details, what its invoices still ask for, and how much of it is past due. */
    public record Overview(String email, String phone, String address, String website, BigDecimal openBalance,
                           BigDecimal overdueBalance) {
    }

    public record Document(String type, String documentId, String docNumber, LocalDate date, LocalDate dueDate,
                           BigDecimal total, BigDecimal balance, String status, String customerId) {
    }

    /** @param via {@code DIRECT} (linked to the task) or {@code INSIGHTLY_LINK} (a document of a related client) */
    public record TaskDocument(@JsonUnwrapped Document document, String via) {
    }

    public record ClientView(Link link, List<Suggestion> suggestions, Overview overview, List<Document> documents) {
    }

    /** Both sides after a copy. */
    public record Copied(String direction, CustomerDetails customer, ClientDetails client) {
    }

    public record CustomerDetails(String customerId, String displayName, String email, String phone, String fax,
                                  String website, String address) {
    }

    public record ClientDetails(long clientId, String name, String email, String phone, String website,
                                String address) {
    }
}
