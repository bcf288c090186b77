package io.taskhub.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice to create in an accounting provider for one of its contacts, each line booked to the integration's
 * revenue account.
 *
 * @param dueDate   null: the provider's default terms
 * @param reference null: none
 */
public record InvoiceExport(long integrationId, String contactExternalId, LocalDate date, LocalDate dueDate,
                            String reference, List<Line> lines) {

    public record Line(String description, BigDecimal quantity, BigDecimal unitAmount) {
    }
}
