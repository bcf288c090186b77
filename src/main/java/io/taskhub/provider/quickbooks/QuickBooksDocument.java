package io.taskhub.provider.quickbooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An invoice, payment or estimate as the hub keeps it in its read copy.
 *
 * @param type      {@code INVOICE}, {@code PAYMENT} or {@code ESTIMATE}
 * @param docNumber the invoice or estimate number; a payment's reference number
 * @param dueDate   an invoice's due date, an estimate's expiration date; null for payments
 * @param balance   what is still owed on an invoice, a payment's unapplied amount; null for estimates
 * @param status    OPEN, PARTIALLY_PAID or PAID (invoices); APPLIED, PARTIALLY_APPLIED or UNAPPLIED (payments);
 *                  the estimate's own status (PENDING, ACCEPTED, CLOSED, REJECTED)
 */
public record QuickBooksDocument(String type, String documentId, String docNumber, LocalDate txnDate,
                                 LocalDate dueDate, BigDecimal total, BigDecimal balance, String status,
                                 String customerId, Instant updatedAt) {
}
