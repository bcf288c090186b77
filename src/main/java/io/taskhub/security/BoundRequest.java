package io.taskhub.security;

import java.util.Map;

import io.taskhub.api.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/**
 * A REST request as routing bound it and {@link OperationGuard} authorized it: the operation, its path parameters
 * decoded once, and the caller (null for an operation open to anyone). Camel parses path parameters again from the
 * raw URI, undecoded; {@link #bind} replaces them with these, so that an operation acts on exactly what was
 * authorized.
 */
public record BoundRequest(String operationId, Map<String, String> pathParameters, HubPrincipal caller) {

    private static final String ATTRIBUTE = BoundRequest.class.getName();

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The first step of every REST route (route-config.camel.yaml): no authorized request, no operation. */
    public static void bind(Exchange exchange) {
        BoundRequest bound = of(exchange);
        if (!bound.operationId().equals(exchange.getFromRouteId())) {
            throw new ApiProblem(403, "Forbidden", "this operation was not authorized", null);
        }
        Message message = exchange.getIn();
        bound.pathParameters().forEach(message::setHeader);
    }

    public static BoundRequest of(Exchange exchange) {
        PlatformHttpMessage message = exchange.getIn(PlatformHttpMessage.class);
        Object bound = message == null ? null : message.getRequest().getAttribute(ATTRIBUTE);
        if (bound instanceof BoundRequest request) {
            return request;
        }
        throw new ApiProblem(403, "Forbidden", "this operation was not authorized", null);
    }
}
