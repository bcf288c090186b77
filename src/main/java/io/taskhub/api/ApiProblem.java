package io.taskhub.api;

/**
 * A request the hub refuses, answered as {@code application/problem+json}. Thrown from anywhere in the REST flows;
 * {@link ProblemResponder} renders it.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public ApiProblem(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    /** Malformed or invalid input; {@code field} names the offending field or parameter. */
    public static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(400, "Invalid request", field + ": " + detail, field);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, null);
    }

    public static ApiProblem rejectedByProvider(String detail) {
        return new ApiProblem(422, "Rejected by the provider", detail, null);
    }

    /** A provider call made while the client waits failed, or answered what the hub cannot read. */
    public static ApiProblem providerFailed(String detail) {
        return new ApiProblem(502, "Bad gateway", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
