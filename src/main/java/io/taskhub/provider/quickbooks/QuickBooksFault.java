package io.taskhub.provider.quickbooks;

/** QuickBooks refused a request with a fault (or an error status without one): its words, its codes. */
public class QuickBooksFault extends RuntimeException {

    /** A name another customer, vendor or employee already has. */
    public static final String DUPLICATE_NAME = "6240";
    /** An update that named an outdated SyncToken. */
    public static final String STALE_OBJECT = "5010";
    /** A record that does not exist (or is inactive). */
    public static final String NOT_FOUND = "610";

    private final int status;
    private final QuickBooksMapper.Fault fault;

    public QuickBooksFault(String what, int status, QuickBooksMapper.Fault fault) {
        super("QuickBooks refused " + what + ": " + (fault == null ? "HTTP " + status : fault.describe()));
        this.status = status;
        this.fault = fault;
    }

    public int status() {
        return status;
    }

    public boolean has(String code) {
        return fault != null && fault.has(code);
    }
}
