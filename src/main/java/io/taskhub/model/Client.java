package io.taskhub.model;

public record Client(long id, String name, String email, String provider, String externalId, boolean archived) {
}
