package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.taskhub.support.HubTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The README's route catalogue is what Hawtio shows: every route of the running hub has its row, every row names a
 * route that runs, and a row's {@code direct:} trigger is the endpoint its route listens on.
 */
@HubTest
class RouteCatalogueTest {

    /** {@code | `a`, `b` | file | trigger | target |}: the ids of a row, then its trigger column. */
    private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+`) \\|[^|]*\\| ([^|]*)\\|");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern DIRECT = Pattern.compile("`(direct:[^`]+)`");

    @Autowired
    CamelContext camel;

    /** One row: its route ids (or an id pattern such as {@code {provider}-import-type}, {@code api-*}). */
    private record Entry(List<String> ids, String trigger) {

        boolean names(String routeId) {
            return ids.stream().anyMatch(id -> pattern(id).matcher(routeId).matches());
        }

        boolean literal(String id) {
            return !id.contains("{") && !id.contains("*");
        }
    }

    @Test
    void everyRouteOfTheHubIsCataloguedWithItsTrigger() throws IOException {
        List<Entry> catalogue = catalogue();
        assertThat(catalogue).hasSizeGreaterThan(20);

        List<String> uncatalogued = new ArrayList<>();
        List<String> wrongTrigger = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            Entry entry = catalogue.stream().filter(e -> e.names(route.getRouteId())).findFirst().orElse(null);
            if (entry == null) {
                uncatalogued.add(route.getRouteId());
            } else if (entry.trigger() != null
                    && !pattern(entry.trigger()).matcher(from(route)).matches()) {
                wrongTrigger.add(route.getRouteId() + " listens on " + from(route) + ", not " + entry.trigger());
            }
        }
        List<String> notRunning = catalogue.stream().flatMap(e -> e.ids().stream().filter(e::literal))
                .filter(id -> camel.getRoute(id) == null).toList();

        assertSoftly(softly -> {
            softly.assertThat(uncatalogued).as("routes Hawtio shows that the README's catalogue lacks").isEmpty();
            softly.assertThat(notRunning).as("catalogued routes that do not run").isEmpty();
            softly.assertThat(wrongTrigger).as("catalogued triggers that are not the route's endpoint").isEmpty();
        });
    }

    private static String from(Route route) {
        return route.getEndpoint().getEndpointBaseUri().replace("://", ":");
    }

    /** {@code {provider}} and {@code *} stand for any part of an id. */
    private static Pattern pattern(String id) {
        return Pattern.compile(Pattern.quote(id).replaceAll("\\{[a-z]+}|\\*", "\\\\E[a-z0-9-]+\\\\Q"));
    }

    private static List<Entry> catalogue() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Route catalogue");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<Entry> entries = new ArrayList<>();
        for (String line : section.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            List<String> ids = CODE.matcher(row.group(1)).results().map(m -> m.group(1)).toList();
            Matcher direct = DIRECT.matcher(row.group(2));
            entries.add(new Entry(ids, direct.find() ? direct.group(1) : null));
        }
        return entries;
    }
}
