package io.taskhub.provider;

/** The provider refused the credentials or settings: the client gets a 422 with the provider's reason. */
public class ProviderRejection extends RuntimeException {

    public ProviderRejection(String message) {
        super(message);
    }

    public ProviderRejection(String message, Throwable cause) {
        super(message, cause);
    }
}
