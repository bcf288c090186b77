package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A users directory says where a user's id and email are; a user lacking either is left out. */
class UserPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final UserPages.Directory<String> directory = new UserPages.Directory<>("page 1", "/id", "/emails/0");

    @Test
    void aUserIsItsIdAndItsTrimmedEmail() throws Exception {
        assertThat(directory.user(JSON.readTree("{\"id\": 7, \"emails\": [\" ann@example.com \"]}")))
                .isEqualTo(Map.entry("7", "ann@example.com"));
    }

    @Test
    void aUserWithoutAnIdOrAnEmailIsNone() throws Exception {
        assertThat(directory.user(JSON.readTree("{\"id\": 7, \"emails\": []}"))).isNull();
        assertThat(directory.user(JSON.readTree("{\"id\": 7, \"emails\": [\"  \"]}"))).isNull();
        assertThat(directory.user(JSON.readTree("{\"id\": null, \"emails\": [\"ann@example.com\"]}"))).isNull();
        assertThat(directory.user(JSON.readTree("{\"emails\": [\"ann@example.com\"]}"))).isNull();
    }
}
