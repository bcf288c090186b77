package io.taskhub.provider.xero;

/** Xero will take no more calls for now: the run fails with this, and the next one carries on. */
public class XeroLimitReached extends RuntimeException {

    public XeroLimitReached(String message) {
        super(message);
    }
}
