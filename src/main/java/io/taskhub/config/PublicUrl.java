package io.taskhub.config;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The hub's external base URL ({@code HUB_PUBLIC_URL}), which providers send browsers back to. Unset, it is
 * {@code http://localhost:{port}} with the port the server really listens on (a random one in tests).
 */
@Component
public class PublicUrl {

    private final String configured;
    private final Environment environment;

    public PublicUrl(HubProperties hub, Environment environment) {
        this.configured = hub.publicUrl() == null ? "" : hub.publicUrl().replaceAll("/+$", "");
        this.environment = environment;
    }

    /** {@code path} starts with a slash. */
    public String resolve(String path) {
        String base = configured.isBlank()
                ? "http://localhost:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8080"))
                : configured;
        return base + path;
    }
}
