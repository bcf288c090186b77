package io.taskhub.provider.salesforce;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import io.taskhub.provider.oauth.TokenAnswers;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.SalesforceHttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpConversation;
import org.eclipse.jetty.client.transport.HttpRequest;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * camel-salesforce's HTTP client, reading its logins' answers too: camel-salesforce reads only the access token, and
 * Salesforce's rotated refresh token (required of multi-org apps) is handed on before it goes on, whether the login
 * is the component's first or a renewal after a 401.
 */
final class LoginAnswers extends SalesforceHttpClient {

    private final TokenAnswers answers;

    LoginAnswers(CamelContext camel, ExecutorService workers, Consumer<String> rotated) {
        super(camel, workers, new SslContextFactory.Client());
        this.answers = new TokenAnswers("/services/oauth2/token", rotated);
    }

    /** A first login's request. */
    @Override
    public Request newRequest(URI uri) {
        return answers.listen(super.newRequest(uri), uri);
    }

    /** A renewal after a 401, made within the failed call's conversation. */
    @Override
    public HttpRequest newHttpRequest(HttpConversation conversation, URI uri) {
        return answers.listen(super.newHttpRequest(conversation, uri), uri);
    }
}
