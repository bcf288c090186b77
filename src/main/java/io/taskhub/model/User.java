package io.taskhub.model;

/** A user of an account, identified by email. Its password never leaves the hub. */
public record User(String email, String name, Role role) {
}
