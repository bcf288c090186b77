package io.taskhub.sync;

/** A page a provider route has stored: what a run's progress counts. */
public interface StoredPage {

    /** The provider's type, as in cursors and rejected records. */
    String type();

    /** The records read in the page, rejected ones included. */
    int records();
}
