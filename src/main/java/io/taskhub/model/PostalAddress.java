package io.taskhub.model;

import java.util.ArrayList;
import java.util.List;

/** A postal address in parts, as CRMs and accounting systems keep them; {@code street} may hold several lines. */
public record PostalAddress(String street, String city, String region, String postcode, String country) {

    public boolean isEmpty() {
        return parts().isEmpty();
    }

    /** The parts that are set, street lines first, on one line: {@code 12 Elm Street, Springfield, 97403}. */
    public String oneLine() {
        List<String> parts = parts();
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private List<String> parts() {
        List<String> parts = new ArrayList<>();
        if (street != null) {
            street.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(parts::add);
        }
        for (String part : new String[] {city, region, postcode, country}) {
            if (part != null && !part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }
}
