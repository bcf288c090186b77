package io.taskhub.provider;

/** A provider record that cannot be mapped; the sync keeps it aside with this reason and carries on. */
public class RecordRejected extends RuntimeException {

    public RecordRejected(String reason) {
        super(reason);
    }
}
