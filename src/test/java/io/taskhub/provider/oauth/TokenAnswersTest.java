package io.taskhub.provider.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TokenAnswersTest {

    private static String refreshToken(String answer) {
        return TokenAnswers.refreshToken(answer.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRotatingAnswerNamesItsNewRefreshToken() {
        assertThat(refreshToken("{\"access_token\":\"a\",\"refresh_token\":\"r2\",\"token_type\":\"Bearer\"}"))
                .isEqualTo("r2");
    }

    @Test
    void anAnswerWithoutOneOrWithABlankOneNamesNone() {
        assertThat(refreshToken("{\"access_token\":\"a\"}")).isNull();
        assertThat(refreshToken("{\"access_token\":\"a\",\"refresh_token\":\" \"}")).isNull();
    }

    @Test
    void anUnreadableAnswerNamesNone() {
        assertThat(refreshToken("<html>bad gateway</html>")).isNull();
        assertThat(refreshToken("")).isNull();
    }
}
