package io.taskhub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.security.CredentialCipher;
import io.taskhub.sync.Causes;
import io.taskhub.sync.SyncService;
import io.taskhub.sync.UnreadablePage;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/** Turns whatever stopped a REST request into problem+json; used by the route configuration's error handling. */
@Component("problemResponder")
public class ProblemResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

    /** How soon a client may try again when the hub (or a provider) is busy. */
    private static final String RETRY_BUSY_SECONDS = "5";

    private final ObjectMapper json;

    public ProblemResponder(ObjectMapper json) {
        this.json = json;
    }

    /** Answers the problem as a ready JSON text: REST binding leaves error answers alone, content type included. */
    public String respond(Exchange exchange) throws JsonProcessingException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Problem problem = toProblem(error);
        if (problem.status() == 500) {
            LOG.error("Request {} {} failed", exchange.getIn().getHeader(Exchange.HTTP_METHOD),
                    exchange.getIn().getHeader(Exchange.HTTP_URI), error);
        } else if (problem.status() > 500) {
            LOG.warn("Request {} {}: {}", exchange.getIn().getHeader(Exchange.HTTP_METHOD),
                    exchange.getIn().getHeader(Exchange.HTTP_URI), problem.detail());
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 503) {
            exchange.getMessage().setHeader("Retry-After", RETRY_BUSY_SECONDS);
        }
        return json.writeValueAsString(problem);
    }

    static Problem toProblem(Throwable error) {
        ApiProblem api = Causes.find(error, ApiProblem.class);
        if (api != null) {
            return Problem.of(api.status(), api.title(), api.getMessage(), api.field());
        }
        SyncService.Busy busy = Causes.find(error, SyncService.Busy.class);
        if (busy != null) {
            return Problem.of(503, "Service unavailable", busy.getMessage(), null);
        }
        if (databaseUnreachable(error)) {
            return Problem.of(503, "Service unavailable", "the hub's database cannot be reached: try again shortly",
                    null);
        }
        ProviderUnavailable provider = Causes.find(error, ProviderUnavailable.class);
        if (provider != null) {
            return Problem.of(502, "Bad gateway", provider.getMessage(), null);
        }
        UnreadablePage unreadable = Causes.find(error, UnreadablePage.class);
        if (unreadable != null) {
            return Problem.of(502, "Bad gateway", unreadable.getMessage(), null);
        }
        CredentialCipher.Unopenable unopenable = Causes.find(error, CredentialCipher.Unopenable.class);
        if (unopenable != null) {
            return Problem.of(409, "Conflict", unopenable.getMessage(), null);
        }
        JsonMappingException mapping = Causes.find(error, JsonMappingException.class);
        if (mapping != null) {
            String field = fieldPath(mapping);
            String detail = field.isEmpty() ? "the body is not valid JSON for this resource"
                    : field + ": " + BindingRules.broken(mapping);
            return Problem.of(400, "Invalid request", detail, field.isEmpty() ? null : field);
        }
        if (Causes.find(error, JsonProcessingException.class) != null || Causes.find(error, InvalidPayloadException.class) != null) {
            return Problem.of(400, "Invalid request", "the body is not valid JSON", null);
        }
        return Problem.of(500, "Internal error", "the hub could not complete the request", null);
    }

    /** An outage, not a fault of the request or of the hub: the client may try again, as with a busy hub. */
    private static boolean databaseUnreachable(Throwable error) {
        return Causes.find(error, DataAccessResourceFailureException.class) != null
                || Causes.find(error, TransientDataAccessException.class) != null;
    }

    /** {@code lines[0].quantity} style path of the field Jackson choked on. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
