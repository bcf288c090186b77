package io.taskhub.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Jolokia takes commands posted by the hub's own pages only. A page elsewhere that the operator's browser opens could
 * otherwise send commands with the operator's cached credentials: in a GET's URL (a link, an image), which needs no
 * CSRF token, or in a post, whose Origin then names that page. Jolokia's policy refuses GET for every command but
 * {@code version}, and can list fixed origins only, while the hub's own depends on how it is reached (behind a TLS
 * proxy, {@code server.forward-headers-strategy} tells the hub).
 */
class JolokiaRequestFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    JolokiaRequestFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            problems.write(response, 405, "Method Not Allowed", "Jolokia takes its commands posted");
            return;
        }
        String origin = callerOrigin(request);
        if (origin == null || !origin.equals(ownOrigin(request))) {
            problems.write(response, 403, "Forbidden", "Jolokia answers the console's own pages only (Origin "
                    + (origin == null ? "missing" : origin) + ")");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The Origin header, or the origin of the Referer where a browser sent no Origin; null if neither is usable. */
    private static String callerOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return origin.toLowerCase(Locale.ROOT);
        }
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            return uri.getScheme() == null || uri.getHost() == null ? null
                    : origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** {@code scheme://host[:port]} as browsers write an Origin: lower case, without the scheme's default port. */
    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || port == ("https".equals(s) ? 443 : "http".equals(s) ? 80 : -2);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
