package io.taskhub.provider.quickbooks;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A QuickBooks customer as the hub keeps it in its read copy.
 *
 * @param address   the billing address on one line
 * @param balance   the open balance QuickBooks keeps for the customer
 * @param syncToken QuickBooks' version of the record; an update must name the current one
 * @param updatedAt {@code MetaData.LastUpdatedTime}, as an instant
 */
public record QuickBooksCustomer(String customerId, String displayName, String companyName, String givenName,
                                 String familyName, String email, String phone, String mobile, String fax,
                                 String website, String address, boolean active, BigDecimal balance,
                                 String syncToken, Instant updatedAt) {
}
