package io.taskhub.model;

/**
 * How far a RUNNING run has come: the type it is storing now, and that type's pages and records stored so far.
 *
 * @param total the type's records in the provider, null where the provider does not tell
 */
public record RunProgress(String type, int pages, int records, Integer total) {
}
