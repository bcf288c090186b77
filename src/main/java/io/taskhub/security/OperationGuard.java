package io.taskhub.security;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import io.taskhub.security.OperationAccess.Need;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Authorizes each REST request by what routing bound, never by reading the URI itself: the handler mapping that
 * serves the REST DSL says which operation matched and with which path parameters (decoded once, however the path
 * was spelled), and {@link OperationAccess} says what that operation needs. A user of another account learns
 * nothing, not even that the account exists: 404. A REGULAR user asking for an administrator's operation: 403.
 */
class OperationGuard extends OncePerRequestFilter {

    /** Resolved at the first request: the REST DSL's mapping exists only once Camel has started. */
    private final Supplier<? extends HandlerMapping> restRouting;
    private final Supplier<CamelContext> camel;
    private final ProblemWriter problems;

    OperationGuard(Supplier<? extends HandlerMapping> restRouting, Supplier<CamelContext> camel,
                   ProblemWriter problems) {
        this.restRouting = restRouting;
        this.camel = camel;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String operation = operation(request);
        if (operation == null) {
            chain.doFilter(request, response); // not an API operation: Spring Security's rules alone
            return;
        }
        Need need = OperationAccess.of(operation).orElse(null);
        HubPrincipal caller = caller();
        @SuppressWarnings("unchecked")
        Map<String, String> parameters = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        if (need == null) {
            problems.write(response, 403, "Forbidden", "operation " + operation + " is not open to anyone");
            return;
        }
        if (need != Need.ANYONE && caller == null) {
            problems.write(response, 401, "Unauthorized", "valid credentials are required");
            return;
        }
        if (need == Need.OPERATOR && !caller.isOperator()) {
            problems.write(response, 403, "Forbidden", "only the operator may do this");
            return;
        }
        if (need.inAccount()) {
            String acc = parameters.get("acc");
            long account = account(acc);
            if (!caller.canSee(account)) {
                problems.write(response, 404, "Not found", "no account " + acc);
                return;
            }
            if (need == Need.ADMINISTRATOR && !caller.canAdminister(account)) {
                problems.write(response, 403, "Forbidden", "this needs an ADMINISTRATOR of the account");
                return;
            }
        }
        new BoundRequest(operation, parameters, caller).attachTo(request);
        chain.doFilter(request, response);
    }

    /** The id of the REST operation this request is routed to, or null when it is routed elsewhere or nowhere. */
    private String operation(HttpServletRequest request) {
        HandlerExecutionChain handler;
        try {
            handler = restRouting.get().getHandler(request);
        } catch (Exception e) {
            return null; // a method or media type the operation does not take: the dispatcher answers it alike
        }
        if (handler != null && handler.getHandler() instanceof HandlerMethod method
                && method.getBean() instanceof Consumer consumer) {
            // the mapping's handler is the HTTP engine's consumer; the route's own consumer shares its endpoint
            return camel.get().getRoutes().stream()
                    .filter(route -> route.getConsumer().getEndpoint() == consumer.getEndpoint())
                    .map(Route::getRouteId).findFirst().orElse(null);
        }
        return null;
    }

    private static HubPrincipal caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof HubPrincipal principal ? principal : null;
    }

    /** The path's account; -1, an account nobody but the operator can see, when it is not an id at all. */
    private static long account(String acc) {
        try {
            return acc == null ? -1 : Long.parseLong(acc);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
