package io.taskhub.sync;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Reads a provider's answer into JSON, or fails with {@link UnreadablePage} naming the page. Every provider route
 * calls it at the end of its page fetch, so that an unreadable answer is fetched again rather than parsed again.
 */
@Component("pageReader")
public class PageReader {

    private final ObjectMapper json;

    public PageReader(ObjectMapper json) {
        this.json = json;
    }

    /** The body of the exchange as JSON; {@code page} says which request it answers, in the run's error. */
    public JsonNode read(Exchange exchange, String page) throws IOException {
        Message message = exchange.getIn();
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            throw new UnreadablePage(page, "the answer is an HTML page, not JSON", null);
        }
        try (InputStream body = message.getBody(InputStream.class)) {
            JsonNode answer = body == null ? null : json.readTree(body);
            if (answer == null || answer.isMissingNode()) {
                throw new UnreadablePage(page, "the answer is empty", null);
            }
            return answer;
        } catch (JsonProcessingException e) {
            // the run's error is its innermost cause: these words, not the parser's alone
            throw new UnreadablePage(page, "the answer is not complete JSON (" + e.getOriginalMessage() + ")", null);
        }
    }
}
