package io.taskhub.provider.insightly;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.provider.Provider;
import io.taskhub.sync.ImportState;
import io.taskhub.sync.JsonGet;
import io.taskhub.sync.PageImport;
import io.taskhub.sync.PageReader;
import io.taskhub.sync.SyncContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** The calls of an Insightly sync: a GET under the pod's URL with HTTP Basic (the API key), its answer read. */
@Component("insightlyCalls")
public class InsightlyCalls {

    private final InsightlyProperties properties;
    private final InsightlyPages pages;
    private final PageReader reader;

    public InsightlyCalls(InsightlyProperties properties, InsightlyPages pages, PageReader reader) {
        this.properties = properties;
        this.pages = pages;
        this.reader = reader;
    }

    /** The page in the variable {@code import}: records of a type, or users. */
    public void pageRequest(Exchange exchange) {
        InsightlyRequest request = request(exchange);
        get(exchange, request.path()).setHeader(Exchange.HTTP_QUERY, request.query());
    }

    /** One record by id ({@code /Tasks/42}): a full reconciliation confirms that a record it did not see is gone. */
    public void recordRequest(Exchange exchange) {
        get(exchange, "/" + InsightlyApi.resource(exchange.getProperty("type", String.class)) + "/"
                + URLEncoder.encode(exchange.getProperty("externalId", String.class), StandardCharsets.UTF_8));
    }

    /** The JSON list answered, or an unreadable page named by its request (the run's error), fetched again. */
    public void read(Exchange exchange) throws IOException {
        InsightlyRequest request = request(exchange);
        JsonNode answer = reader.read(exchange, "Insightly's answer to " + request.path() + "?" + request.query());
        pages.check(request, answer);
        exchange.getIn().setBody(answer);
    }

    private static InsightlyRequest request(Exchange exchange) {
        return (InsightlyRequest) exchange.getVariable(PageImport.STATE, ImportState.class).getRequest();
    }

    private Message get(Exchange exchange, String path) {
        Provider.Connection connection = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class).connection();
        return JsonGet.prepare(exchange.getIn(), InsightlyApi.baseUrl(connection, properties.baseUrl()) + path,
                InsightlyApi.authorization(connection));
    }
}
