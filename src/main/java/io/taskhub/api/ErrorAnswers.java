package io.taskhub.api;

import java.io.IOException;
import java.util.Map;

import io.taskhub.security.ProblemWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What routes nowhere (an unknown path, a method or media type no operation takes, a failure outside Camel) is
 * answered as problem+json like every other error, in place of Spring Boot's error page. Written straight to the
 * response, whatever the request accepts: a client that refused JSON still learns why it got nothing. The detail
 * never repeats the path, so a 404 tells nobody whether another account's resource exists.
 */
@Controller
class ErrorAnswers implements ErrorController {

    private static final Map<Integer, Problem> KNOWN = Map.of(
            400, Problem.of(400, "Invalid request", "the request could not be read", null),
            404, Problem.of(404, "Not found", "nothing is at this path", null),
            405, Problem.of(405, "Method not allowed", "this path does not take this method", null),
            406, Problem.of(406, "Not acceptable", "answers are application/json (errors application/problem+json)",
                    null),
            415, Problem.NOT_JSON,
            500, Problem.of(500, "Internal error", "the hub could not complete the request", null));

    private final ProblemWriter problems;

    ErrorAnswers(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(response, problemFor(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)));
    }

    /** No status: {@code /error} itself was asked for, where nothing is. */
    static Problem problemFor(Object status) {
        int code = status instanceof Integer given && given >= 400 ? given : 404;
        Problem known = KNOWN.get(code);
        if (known != null) {
            return known;
        }
        HttpStatus resolved = HttpStatus.resolve(code);
        String title = resolved == null ? (code < 500 ? "Invalid request" : "Error") : resolved.getReasonPhrase();
        return Problem.of(code, title, code < 500 ? "the request was refused" : "the hub could not answer", null);
    }
}
