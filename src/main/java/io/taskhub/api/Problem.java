package io.taskhub.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error answer. {@code field} names the offending input, if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, @Schema(nullable = true) String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** A body, or a body type, that is not JSON: the filter's answer and the error page's say the same. */
    public static final Problem NOT_JSON = of(415, "Unsupported media type",
            "request bodies are JSON: send Content-Type application/json", null);

    public static Problem of(int status, String title, String detail, String field) {
        return new Problem("about:blank", title, status, detail, field);
    }
}
