package io.taskhub.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.taskhub.api.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/**
 * A REST request as routing bound it and {@link OperationGuard} authorized it: the operation, its path parameters
 * decoded once, and the caller (null for an operation open to anyone). Camel parses path parameters again from the
 * raw URI, undecoded; {@link #bind} replaces them with these, so that an operation acts on exactly what was
 * authorized. Camel also maps query parameters onto headers of the same name; {@link #bind} keeps the headers the
 * client sent as such (see {@link ResponseHeaders} for what goes back).
 */
public record BoundRequest(String operationId, Map<String, String> pathParameters, HubPrincipal caller) {

    private static final String ATTRIBUTE = BoundRequest.class.getName();
    /** Headers Camel's binding acts on (the body's type and encoding, the answer's): never a query parameter. */
    private static final Set<String> HTTP_ONLY = Set.of("content-type", "content-encoding", "content-length",
            "transfer-encoding", "accept", "accept-encoding", "accept-charset");

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
        keepSentHeaders(message, exchange.getIn(PlatformHttpMessage.class).getRequest());
        bound.pathParameters().forEach(message::setHeader);
    }

    /**
     * A query parameter named like a header ({@code ?Content-Type=text/html}) neither joins nor replaces the header
     * the client sent, and does not stand in for one that governs how the body and the answer are read and written.
     * A GET takes no body, so no body type either (the answer's would follow it).
     */
    private static void keepSentHeaders(Message message, HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2)[0])
                    .map(BoundRequest::decoded).distinct().forEach(name -> {
                        if (request.getHeader(name) != null) {
                            message.setHeader(name, String.join(", ", Collections.list(request.getHeaders(name))));
                        } else if (HTTP_ONLY.contains(name.toLowerCase(Locale.ROOT))) {
                            message.removeHeader(name);
                        }
                    });
        }
        if (!ApiInputFilter.takesBody(request.getMethod())) {
            message.removeHeader(Exchange.CONTENT_TYPE);
        }
    }

    /** A query parameter's name as Tomcat reads it; one that is not valid percent-encoding as it stands. */
    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
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
