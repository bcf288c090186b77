package io.taskhub.model;

/**
 * How to reach a client or customer, in the terms both sides of a copy share: what "copy details" moves between a
 * CRM record and an accounting customer. Null means the side has nothing for it.
 */
public record ContactDetails(String email, String phone, String mobile, String fax, String website,
                             PostalAddress billing, PostalAddress shipping) {
}
