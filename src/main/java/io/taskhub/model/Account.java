package io.taskhub.model;

public record Account(long id, String name) {
}
