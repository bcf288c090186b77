package io.taskhub.api;

/** Bodies of the QuickBooks part of the REST API, as bound from JSON. Checked by {@link QuickBooksApi}. */
public final class QuickBooksRequests {

    private QuickBooksRequests() {
    }

    public record CustomerLink(String customerId) {
    }

    /** @param direction {@code TO_QUICKBOOKS} or {@code FROM_QUICKBOOKS} */
    public record CopyDetails(String direction) {
    }

    /** @param documentType {@code INVOICE}, {@code PAYMENT} or {@code ESTIMATE} */
    public record DocumentLink(String documentType, String documentId) {
    }
}
