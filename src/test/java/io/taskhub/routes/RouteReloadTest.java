package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.taskhub.support.HubTest;
import io.taskhub.support.Poll;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An integration engineer edits a provider's route file in place and the running hub takes the change, a templated
 * import included: the hub runs on a copy of routes/ with reloading on, and the test edits Xero's file.
 */
@HubTest
class RouteReloadTest {

    private static final Path ROUTES = copyOfRoutes();

    @DynamicPropertySource
    static void routesFromTheCopy(DynamicPropertyRegistry registry) {
        registry.add("camel.main.routes-include-pattern", () -> "file:" + ROUTES + "/*.camel.yaml");
        registry.add("camel.main.routes-reload-enabled", () -> "true");
        registry.add("camel.main.routes-reload-directory", () -> ROUTES.toString());
    }

    @Autowired
    CamelContext camel;

    @Test
    void anEditedRouteFileChangesTheRunningFlow() throws IOException {
        assertThat(camel.getRoute("xero-page-fetch").getDescription()).startsWith("Asks Xero for one page");
        assertThat(camel.getRoute("xero-import-type")).isNotNull();
        Path xero = ROUTES.resolve("xero-contacts.camel.yaml");
        Files.writeString(xero, Files.readString(xero).replace("Asks Xero for one page", "Asks Xero, edited, for a page"));

        // the file's routes are stopped, removed and added again: for a moment the route is not there
        Poll.until(() -> camel.getRoute("xero-page-fetch"),
                route -> route != null && route.getDescription().startsWith("Asks Xero, edited"), Duration.ofSeconds(30));
        assertThat(camel.getRoute("xero-import-type")).as("the templated import is still there").isNotNull();
        assertThat(camel.getRoute("salesforce-page-fetch")).as("other files' routes stay").isNotNull();
    }

    private static Path copyOfRoutes() {
        try {
            Path copy = Files.createTempDirectory("routes-reload");
            try (Stream<Path> files = Files.list(Path.of("routes"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
