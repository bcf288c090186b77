package io.taskhub.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * How every simulator uses WireMock: one stub matches any request and hands it to the simulator's transformer, which
 * answers it from the simulator's state. WireMock is only the HTTP server; no stub files, no templating.
 */
public abstract class CatchAllTransformer implements ResponseDefinitionTransformerV2 {

    private final String name;

    protected CatchAllTransformer(String name) {
        this.name = name;
    }

    @Override
    public final String getName() {
        return name;
    }

    /** Only the simulator's own stub uses this transformer. */
    @Override
    public final boolean applyGlobally() {
        return false;
    }

    /** A (not yet started) server on localhost:{@code port} (0: a free one) whose every request goes to this. */
    public WireMockServer newServer(int port) {
        WireMockConfiguration configuration = options()
                .port(port)
                .bindAddress("localhost")
                .extensions(this)
                // the journal would keep every request: fatal for a million-record benchmark
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                // compressing on localhost only burns the CPU the hub under benchmark needs
                .gzipDisabled(true)
                .templatingEnabled(false)
                .notifier(new Slf4jNotifier(false));
        if (callsAtOnce() > Options.DEFAULT_CONTAINER_THREADS) {
            // beyond the default backlog, connections made at once wait a second for the SYN to be sent again
            configuration.containerThreads(callsAtOnce()).jettyAcceptQueueSize(callsAtOnce());
        }
        WireMockServer server = new WireMockServer(configuration);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(name)));
        return server;
    }

    /** How many calls the server serves at once; WireMock's default is plenty while answers take no time. */
    protected int callsAtOnce() {
        return Options.DEFAULT_CONTAINER_THREADS;
    }

    /** The request's path, without the query string. */
    protected static String path(Request request) {
        String url = request.getUrl();
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }

    /** The request's query string, still encoded, without the '?'; empty if there is none. */
    protected static String query(Request request) {
        String url = request.getUrl();
        int question = url.indexOf('?');
        return question < 0 ? "" : url.substring(question + 1);
    }
}
