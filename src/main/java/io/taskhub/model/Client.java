package io.taskhub.model;

import io.swagger.v3.oas.annotations.media.Schema;

public record Client(long id, String name, @Schema(nullable = true) String email, String provider,
                     @Schema(nullable = true) String externalId, boolean archived) {
}
