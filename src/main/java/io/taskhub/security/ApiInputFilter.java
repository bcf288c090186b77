package io.taskhub.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import io.taskhub.api.InputLimits;
import io.taskhub.api.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request to {@code /api} or {@code /webhooks} may carry, checked before anything reads it. A browser can be
 * made to send a form or text to any site without asking first, with the credentials it cached for that site: the
 * API takes JSON bodies only (415 otherwise), which no cross-site page can send without the browser's preflight.
 * Bodies over 1 MiB: 413; an API body that is not UTF-8 (JSON's only encoding): 400. Query parameters with control
 * characters (NUL, which PostgreSQL cannot store, among them): 400 naming the parameter. The body of a GET (or any
 * other safe method) is never read.
 */
class ApiInputFilter extends OncePerRequestFilter {

    static final int MAX_BODY = 1024 * 1024;
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ProblemWriter problems;

    /** Only the unsafe methods take a body: a GET's (or HEAD's, OPTIONS') is never read, nor its type heeded. */
    static boolean takesBody(String method) {
        return UNSAFE.contains(method);
    }

    ApiInputFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getServletPath().startsWith("/api/") && !SecurityConfig.isWebhook(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (InputLimits.hasControl(parameter.getKey())
                    || Arrays.stream(parameter.getValue()).anyMatch(InputLimits::hasControl)) {
                problems.invalid(response, parameter.getKey(), "must not contain control characters");
                return;
            }
        }
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!takesBody(request.getMethod())) {
            // the REST binding reads every request's body, and would wait for the one a GET announced but never
            // sent: a GET takes no body, so none is read
            chain.doFilter(hasBody ? new ReadBody(request, new byte[0]) : request, response);
            return;
        }
        String type = request.getContentType();
        if ((hasBody || type != null) && !isJson(type)) {
            problems.write(response, Problem.NOT_JSON);
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            problems.write(response, 413, "Content too large", "the body is over 1 MiB");
            return;
        }
        if (!hasBody) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problems.write(response, 413, "Content too large", "the body is over 1 MiB");
            return;
        }
        // A webhook's body goes on as it came: its signature, checked over what the hub reads, cannot match bytes
        // that are not UTF-8, so such a delivery is refused as unsigned (401) instead of telling its sender why.
        if (!SecurityConfig.isWebhook(request) && !isUtf8(body)) {
            problems.write(response, 400, "Invalid request", "the body is not valid JSON: it is not UTF-8 text");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isJson(String type) {
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "application".equals(media.getType()) && media.getSubtype().endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A body read here to measure it (a chunked one has no length) and check its bytes, or none for a GET, served
     * again to whoever reads it next. Camel reads it through {@link #getReader}, which decodes what the checks let
     * through without failing.
     */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("bodies are read blocking");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
