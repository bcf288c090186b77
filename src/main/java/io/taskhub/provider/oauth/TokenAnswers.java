package io.taskhub.provider.oauth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.client.Request;

/**
 * The refresh tokens in the token answers of a client that logs in by itself and reads only the access token
 * (camel-salesforce's, on Jetty's HTTP client). With refresh-token rotation, each refresh answers a new refresh token
 * and invalidates the used one: a listened request hands the new one on before its client goes on reading the answer.
 */
public final class TokenAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenPath;
    private final Consumer<String> rotated;

    /** Listens to requests whose path ends with {@code tokenPath}; {@code rotated} takes each answered token. */
    public TokenAnswers(String tokenPath, Consumer<String> rotated) {
        this.tokenPath = tokenPath;
        this.rotated = rotated;
    }

    /**
     * The request, listened to if it goes to the token endpoint: its successful answer's refresh token is handed on.
     * Call it as the client makes the request (a subclass's {@code newRequest}): Jetty copies a request's response
     * listeners when it is sent, so a client-wide request listener would come too late.
     */
    public <R extends Request> R listen(R request, URI uri) {
        if (uri.getPath() != null && uri.getPath().endsWith(tokenPath)) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            request.onResponseContent((response, content) -> copy(content, answer))
                    .onResponseSuccess(response -> {
                        String refreshToken = response.getStatus() == 200 ? refreshToken(answer.toByteArray()) : null;
                        if (refreshToken != null) {
                            rotated.accept(refreshToken);
                        }
                    });
        }
        return request;
    }

    /** Read from a view of its own: the same buffer goes on to the client. */
    private static void copy(ByteBuffer content, ByteArrayOutputStream answer) {
        ByteBuffer view = content.asReadOnlyBuffer();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        answer.write(bytes, 0, bytes.length);
    }

    /**
     * The {@code refresh_token} of a token answer (RFC 6749, 5.1), or null if it has none. An answer that is no JSON
     * gives none either: the client reports it as a failed login.
     */
    public static String refreshToken(byte[] answer) {
        try {
            String refreshToken = JSON.readTree(answer).path("refresh_token").asText("");
            return refreshToken.isBlank() ? null : refreshToken;
        } catch (IOException e) {
            return null;
        }
    }
}
