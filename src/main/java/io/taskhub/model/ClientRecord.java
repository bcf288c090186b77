package io.taskhub.model;

/** A customer-like provider record (contact, organisation) that time can be billed to. */
public record ClientRecord(String type, String externalId, String name, String email, String phone, String website,
                           String address, boolean archived) {
}
