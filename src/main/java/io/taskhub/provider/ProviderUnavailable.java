package io.taskhub.provider;

/** The provider could not take a call made on a client's behalf just now (throttled, down): worth trying later. */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message) {
        super(message);
    }

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
