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

    /** The users directory: its first page, and where a user holds its id and its email. */
    Directory<Q> users();

    /**
     * @param id    the JSON pointer of a user's id: {@code /USER_ID}
     * @param email the JSON pointer of its email
     */
    record Directory<Q>(Q first, String id, String email) {

        /** One user of the directory as its id and email (trimmed), or null when it lacks either. */
        public Map.Entry<String, String> user(JsonNode record) {
            String userId = record.at(id).asText("");
            String address = record.at(email).asText("");
            return userId.isBlank() || address.isBlank() ? null : Map.entry(userId, address.trim());
        }
    }
}
