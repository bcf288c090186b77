package io.taskhub.sync;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A page source whose records name their users by id: it pages the provider's users directory too, read once a
 * sync by {@link ProviderUsers} (route template {@code users-directory}) with its {@code records} and {@code next},
 * so that its mapping assigns a record by its user's email.
 *
 * @param <Q> the provider's request of one page, as for its records
 */
public interface UserPages<Q> extends PageSource<Q> {

    /** The first page of the users directory. */
    Q firstUsers();

    /** One user of the directory as its id and email, or null when it lacks either. */
    Map.Entry<String, String> user(JsonNode record);

    /** A user whose id and email are the text of two fields (the email trimmed), or null when either is blank. */
    static Map.Entry<String, String> userFrom(JsonNode record, String idField, String emailField) {
        String id = record.path(idField).asText("");
        String email = record.path(emailField).asText("");
        return id.isBlank() || email.isBlank() ? null : Map.entry(id, email.trim());
    }
}
