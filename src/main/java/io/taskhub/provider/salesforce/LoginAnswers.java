package io.taskhub.provider.salesforce;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
 *
 * <p>It also keeps every request on hosts the hub allows. The login URL was checked when it was set, but the login's
 * answer names the {@code instance_url} every later call goes to, and Jetty would follow a redirect anywhere, a
 * 307 re-posting the client secret and refresh token: redirects are not followed, and a request to a host the
 * {@code allowed} rule refuses fails before it is sent.
 */
final class LoginAnswers extends SalesforceHttpClient {

    private final TokenAnswers answers;
    private final Predicate<URI> allowed;

    LoginAnswers(CamelContext camel, ExecutorService workers, Predicate<URI> allowed, Consumer<String> rotated) {
        super(camel, workers, new SslContextFactory.Client());
        this.answers = new TokenAnswers("/services/oauth2/token", rotated);
        this.allowed = allowed;
        setFollowRedirects(false);
    }

    /** A first login's request, and every call's. */
    @Override
    public Request newRequest(URI uri) {
        return guarded(answers.listen(super.newRequest(uri), uri), uri);
    }

    /** A renewal after a 401, made within the failed call's conversation. */
    @Override
    public HttpRequest newHttpRequest(HttpConversation conversation, URI uri) {
        return guarded(answers.listen(super.newHttpRequest(conversation, uri), uri), uri);
    }

    private <R extends Request> R guarded(R request, URI uri) {
        if (!allowed.test(uri)) {
            request.abort(new IOException("the hub sends nothing to " + uri.getHost() + ": not a Salesforce host "
                    + "nor one the operator allows (HUB_ENDPOINT_HOSTS)"));
        }
        return request;
    }
}
