package io.taskhub.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A user's browser in a sign-in: plain GETs that do not follow redirects by themselves, so that a test sees each
 * hop (the provider's authorize page, the hub's callback) and follows the Location by hand.
 */
public final class Browser {

    /** One page: its status, where it redirects to (or null) and its text. */
    public record Page(int status, String location, String contentType, String text) {
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public Page visit(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        }
    }

    /** The provider's answer to the authorize URL must be a redirect: where it sends the browser. */
    public String authorize(String authorizeUrl) {
        Page page = visit(authorizeUrl);
        if (page.status() != 302 || page.location() == null) {
            throw new AssertionError("the authorize endpoint answered " + page.status() + ": " + page.text());
        }
        return page.location();
    }
}
