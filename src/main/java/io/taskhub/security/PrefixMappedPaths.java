package io.taskhub.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat maps a request to a servlet by its normalised path: {@code /actuator//jolokia}, {@code /%61ctuator/jolokia}
 * and {@code /actuator/jolokia;x=1} all reach Jolokia's {@code /actuator/jolokia/*}. Spring then fails to read such
 * a path under that prefix, a 500 before the firewall can refuse it. A path sent otherwise than its servlet's prefix,
 * or with a {@code ;parameter} (which Tomcat drops), is refused here first, with the firewall's own answer (400).
 */
class PrefixMappedPaths extends OncePerRequestFilter {

    private final RequestRejectedHandler rejected;

    PrefixMappedPaths(RequestRejectedHandler rejected) {
        this.rejected = rejected;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getHttpServletMapping().getMappingMatch() == MappingMatch.PATH
                && (!sent.startsWith(request.getServletPath()) || sent.indexOf(';') >= 0)) {
            rejected.handle(request, response, new RequestRejectedException("not the servlet's own prefix"));
            return;
        }
        chain.doFilter(request, response);
    }
}
