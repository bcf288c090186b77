package io.taskhub.model;

/** A user's power: the OPERATOR runs the hub, the others act within one account. */
public enum Role {
    OPERATOR, ADMINISTRATOR, REGULAR
}
