package io.taskhub.sync;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.provider.Provider;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The steps of a fetch route whose page source is {@link HttpPages} (the bean named by the variable
 * {@code pageSource}): the GET of the page in the variable {@code import} or of one record by id, on a cleared
 * message, and the answer read as JSON, named by its request when it cannot be.
 */
@Component("httpPageCalls")
public class HttpPageCalls {

    private final PageReader reader;

    public HttpPageCalls(PageReader reader) {
        this.reader = reader;
    }

    public void pageRequest(Exchange exchange) {
        HttpPages.Request request = request(exchange);
        get(exchange, request.path()).setHeader(Exchange.HTTP_QUERY, request.query());
    }

    /** The one record of the exchange properties {@code type} and {@code externalIds} (route template unseen-by-id). */
    public void recordRequest(Exchange exchange) {
        get(exchange, source(exchange).recordPath(exchange.getProperty("type", String.class),
                UnseenRecords.externalIds(exchange).get(0)));
    }

    /**
     * The JSON answer, checked by the source; else an {@link UnreadablePage}, which the retries fetch again. The
     * request's headers (its credentials among them) go no further.
     */
    public void read(Exchange exchange) throws IOException {
        HttpPages.Request request = request(exchange);
        String page = sync(exchange).provider() + "'s answer to " + request.path() + "?" + request.query();
        JsonNode answer = reader.read(exchange, page);
        FreshRequest.clear(exchange.getIn());
        source(exchange).check(request, answer, page);
        exchange.getIn().setBody(answer);
    }

    private Message get(Exchange exchange, String path) {
        Provider.Connection connection = sync(exchange).connection();
        HttpPages<HttpPages.Request> source = source(exchange);
        return JsonGet.prepare(exchange.getIn(), source.baseUrl(connection) + path, source.authorization(connection));
    }

    private static HttpPages.Request request(Exchange exchange) {
        return (HttpPages.Request) exchange.getVariable(PageImport.STATE, ImportState.class).getRequest();
    }

    private static SyncContext sync(Exchange exchange) {
        return exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
    }

    @SuppressWarnings("unchecked")
    private static HttpPages<HttpPages.Request> source(Exchange exchange) {
        return PageImport.source(exchange, HttpPages.class);
    }
}
