package io.taskhub.model;

/**
 * One type of an integration, as a client draws the "what to import" step: whether it is selected, how many records
 * the provider holds ({@code null} where it cannot tell) and how many the hub has imported and keeps active.
 */
public record TypeChoice(String type, String name, boolean selected, Long providerCount, long importedCount) {
}
