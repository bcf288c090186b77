package io.taskhub.model;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One type of an integration, as a client draws the "what to import" step: whether it is selected, how many records
 * the provider holds ({@code null} where it cannot tell) and how many the hub has imported and keeps active.
 */
public record TypeChoice(String type, String name, boolean selected, @Schema(nullable = true) Long providerCount,
                         long importedCount) {
}
