package io.taskhub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Every {@code hub.*} knob the code binds (the configuration processor's metadata of the
 * {@code @ConfigurationProperties} records) is in {@code config/application.yml}'s commented reference, so that an
 * operator finds each one with its default there, and in the README's index of knobs.
 */
class KnobsDocumentedTest {

    /** {@code #   sync:} or {@code #     workers: 4   # ...}: a key of the commented YAML, at its indentation. */
    private static final Pattern KEY = Pattern.compile("^#( +)([a-z0-9-]+):");
    private static final Pattern INDEX_ROW = Pattern.compile("^\\| `(hub[a-z.{},-]*)` \\| ([^|]+)\\|");
    private static final Pattern CODE = Pattern.compile("`([a-z0-9-]+)`");

    @Test
    void everyKnobIsInTheOperatorsReference() throws IOException {
        Set<String> documented = documented(Path.of("config/application.yml"));
        List<String> missing = new ArrayList<>();
        for (String knob : knobs()) {
            boolean found = documented.stream().anyMatch(key -> key.equals(knob) || key.startsWith(knob + "."));
            if (!found) {
                missing.add(knob);
            }
        }
        assertThat(missing).as("knobs missing from config/application.yml").isEmpty();
    }

    /** README's index: a row {@code | `hub.sync` | `workers`, `lease`, ... |}, groups of a brace list expanded. */
    @Test
    void everyKnobIsInTheReadmesIndex() throws IOException {
        Set<String> indexed = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher row = INDEX_ROW.matcher(line);
            if (row.find()) {
                for (String group : groups(row.group(1))) {
                    CODE.matcher(row.group(2)).results().forEach(knob -> indexed.add(group + "." + knob.group(1)));
                }
            }
        }
        List<String> missing = knobs().stream().filter(knob -> !indexed.contains(knob)).toList();
        assertThat(missing).as("knobs missing from the README's index").isEmpty();
    }

    /** {@code hub.pacing.{salesforce,xero}} → {@code hub.pacing.salesforce}, {@code hub.pacing.xero}. */
    private static List<String> groups(String group) {
        Matcher braces = Pattern.compile("^(.*)\\{([a-z,]+)}$").matcher(group);
        return braces.matches()
                ? Stream.of(braces.group(2).split(",")).map(member -> braces.group(1) + member).toList()
                : List.of(group);
    }

    private static Set<String> knobs() throws IOException {
        Set<String> knobs = new LinkedHashSet<>();
        try (InputStream metadata = KnobsDocumentedTest.class
                .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(metadata).as("the configuration processor's metadata").isNotNull();
            for (JsonNode property : new ObjectMapper().readTree(metadata).path("properties")) {
                String name = property.path("name").asText();
                if (name.startsWith("hub.")) {
                    knobs.add(name);
                }
            }
        }
        assertThat(knobs).hasSizeGreaterThan(50);
        return knobs;
    }

    /** The dotted keys of the commented YAML, by indentation (two spaces a level). */
    private static Set<String> documented(Path reference) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        List<String> path = new ArrayList<>();
        for (String line : Files.readAllLines(reference)) {
            Matcher key = KEY.matcher(line);
            if (!key.find()) {
                continue;
            }
            int level = (key.group(1).length() - 1) / 2;
            while (path.size() > level) {
                path.remove(path.size() - 1);
            }
            path.add(key.group(2));
            keys.add(String.join(".", path));
        }
        return keys;
    }
}
