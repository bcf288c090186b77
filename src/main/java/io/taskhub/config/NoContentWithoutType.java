package io.taskhub.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A 204 carries no body, so no Content-Type either. The REST binding types every answer of a JSON operation
 * (application/json) after its handler has run, empty ones included: the type is dropped here, where it is written.
 */
@Component
class NoContentWithoutType extends OncePerRequestFilter {

    private static final String CONTENT_TYPE = "Content-Type";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Untyped(response));
    }

    private static final class Untyped extends HttpServletResponseWrapper {

        Untyped(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            if (status == SC_NO_CONTENT) {
                super.setContentType(null);
            }
        }

        @Override
        public void setContentType(String type) {
            if (getStatus() != SC_NO_CONTENT) {
                super.setContentType(type);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!isNoContentType(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!isNoContentType(name)) {
                super.addHeader(name, value);
            }
        }

        private boolean isNoContentType(String name) {
            return getStatus() == SC_NO_CONTENT && CONTENT_TYPE.equalsIgnoreCase(name);
        }
    }
}
