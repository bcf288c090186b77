package io.taskhub.sync;

import java.io.IOException;

/**
 * A page the provider answered with something that is not the JSON it documents: a truncated body, an HTML
 * maintenance page, an empty 200. An {@link IOException}, so that the {@code sync-errors} retries fetch the page again
 * (parsing the same bytes again could never help); what stays unreadable fails the run with these words.
 */
public class UnreadablePage extends IOException {

    public UnreadablePage(String page, String why, Throwable cause) {
        super(page + " could not be read: " + why, cause);
    }
}
