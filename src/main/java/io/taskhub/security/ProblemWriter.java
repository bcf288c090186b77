package io.taskhub.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.api.Problem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/** Writes problem+json from servlet filters, before a request reaches Camel. */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        write(response, Problem.of(status, title, detail, null));
    }

    /** A 400 about one input: {@code field} names it, and the detail starts with its name. */
    public void invalid(HttpServletResponse response, String field, String detail) throws IOException {
        write(response, Problem.of(400, "Invalid request", field + ": " + detail, field));
    }

    public void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
