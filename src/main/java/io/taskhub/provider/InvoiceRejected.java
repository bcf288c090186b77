package io.taskhub.provider;

import java.util.List;

/** The provider refused an invoice as invalid: the client gets a 422 with the provider's own messages. */
public class InvoiceRejected extends RuntimeException {

    private final List<String> reasons;

    public InvoiceRejected(String message, List<String> reasons) {
        super(message + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
