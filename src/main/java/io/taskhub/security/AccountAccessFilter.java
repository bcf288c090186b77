package io.taskhub.security;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what in an account (CONTRACT §2), decided before a request reaches the routes. A user of another
 * account learns nothing, not even that the account exists: 404. A REGULAR user asking for an administrator's
 * operation gets 403.
 */
public class AccountAccessFilter extends OncePerRequestFilter {

    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/api/accounts/([^/]+)(/.*)?$");

    /** Operations inside an account that need an ADMINISTRATOR: method and path below {@code /api/accounts/{acc}}. */
    private static final List<Rule> ADMINISTRATOR_ONLY = List.of(
            new Rule("POST", "/users"),
            new Rule("DELETE", "/users/[^/]+"),
            new Rule("POST", "/integrations"),
            new Rule("PUT", "/integrations/[^/]+/types"),
            new Rule("PUT", "/integrations/[^/]+/timer"),
            new Rule("POST", "/integrations/[^/]+/reenable"),
            new Rule("DELETE", "/integrations/[^/]+"),
            new Rule("POST", "/integrations/[^/]+/invoices"),
            new Rule("POST", "/tasks/[^/]+/assignees"),
            new Rule("DELETE", "/tasks/[^/]+/assignees/[^/]+"),
            new Rule("POST", "/clients/[^/]+/quickbooks/(link|customer|copy)"),
            new Rule("DELETE", "/clients/[^/]+/quickbooks/link"),
            new Rule("POST", "/tasks/[^/]+/quickbooks/links"),
            new Rule("DELETE", "/tasks/[^/]+/quickbooks/links/[^/]+/[^/]+"));

    private final ProblemWriter problems;

    public AccountAccessFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof HubPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, principal);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/accounts") || path.equals("/api/accounts/")) {
            if (!principal.isOperator()) {
                problems.write(response, 403, "Forbidden", "only the operator manages accounts");
                return;
            }
        } else {
            Matcher m = ACCOUNT_PATH.matcher(path);
            if (m.matches()) {
                long account = parseAccount(m.group(1));
                if (account < 0 || !principal.canSee(account)) {
                    problems.write(response, 404, "Not found", "no account " + m.group(1));
                    return;
                }
                String rest = m.group(2) == null ? "" : m.group(2);
                if (!principal.canAdminister(account) && needsAdministrator(request.getMethod(), rest)) {
                    problems.write(response, 403, "Forbidden", "this needs an ADMINISTRATOR of the account");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean needsAdministrator(String method, String rest) {
        return ADMINISTRATOR_ONLY.stream().anyMatch(r -> r.matches(method, rest));
    }

    private static long parseAccount(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private record Rule(String method, Pattern path) {
        Rule(String method, String path) {
            this(method, Pattern.compile("^" + path + "/?$"));
        }

        boolean matches(String requestMethod, String rest) {
            return method.equals(requestMethod) && path.matcher(rest).matches();
        }
    }
}
