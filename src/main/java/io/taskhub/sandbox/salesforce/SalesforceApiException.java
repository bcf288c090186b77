package io.taskhub.sandbox.salesforce;

/** A request the real API would reject with this status and error code; rendered as Salesforce's error list. */
final class SalesforceApiException extends RuntimeException {

    private final int status;
    private final String errorCode;

    SalesforceApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    static SalesforceApiException malformed(String message) {
        return new SalesforceApiException(400, "MALFORMED_QUERY", message);
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }
}
