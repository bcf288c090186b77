package io.taskhub.model;

/** Where a connection started by signing in stands: waiting for its callback, done, refused, or never finished. */
public enum ConnectionStatus {
    PENDING, CONNECTED, FAILED, EXPIRED
}
