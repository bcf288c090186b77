package io.taskhub.provider.salesforce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.SalesforceHttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpConversation;
import org.eclipse.jetty.client.transport.HttpRequest;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * camel-salesforce's HTTP client, reading its logins' answers too. With refresh-token rotation (required of
 * multi-org apps), Salesforce answers each refresh with a new refresh token and invalidates the used one, while
 * camel-salesforce reads only the access token; the new one is handed on before camel-salesforce goes on, whether
 * the login is the component's first or a renewal after a 401.
 */
final class LoginAnswers extends SalesforceHttpClient {

    private static final String TOKEN_PATH = "/services/oauth2/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> rotated;

    LoginAnswers(CamelContext camel, ExecutorService workers, Consumer<String> rotated) {
        super(camel, workers, new SslContextFactory.Client());
        this.rotated = rotated;
    }

    /** A first login's request. */
    @Override
    public Request newRequest(URI uri) {
        return listen(super.newRequest(uri), uri);
    }

    /** A renewal after a 401, made within the failed call's conversation. */
    @Override
    public HttpRequest newHttpRequest(HttpConversation conversation, URI uri) {
        return listen(super.newHttpRequest(conversation, uri), uri);
    }

    private <R extends Request> R listen(R request, URI uri) {
        if (uri.getPath() != null && uri.getPath().endsWith(TOKEN_PATH)) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            request.onResponseContent((response, content) -> copy(content, answer))
                    .onResponseSuccess(response -> {
                        if (response.getStatus() == 200) {
                            handOn(answer.toByteArray());
                        }
                    });
        }
        return request;
    }

    /** Read from a view of its own: the same buffer goes on to camel-salesforce. */
    private static void copy(ByteBuffer content, ByteArrayOutputStream answer) {
        ByteBuffer view = content.asReadOnlyBuffer();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        answer.write(bytes, 0, bytes.length);
    }

    private void handOn(byte[] answer) {
        String refreshToken;
        try {
            refreshToken = JSON.readTree(answer).path("refresh_token").asText("");
        } catch (IOException e) {
            return; // camel-salesforce reports the unreadable answer as a failed login
        }
        if (!refreshToken.isBlank()) {
            rotated.accept(refreshToken);
        }
    }
}
