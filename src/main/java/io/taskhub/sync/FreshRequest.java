package io.taskhub.sync;

import org.apache.camel.Message;

/**
 * Clears a message before a provider request is built on it, so that nothing of the previous answer (nor of a
 * previous request: its credentials) travels with the next one. Camel's redelivery bookkeeping stays: the retries
 * count in those headers, and a request step that cleared them would be retried without end.
 */
public final class FreshRequest {

    private FreshRequest() {
    }

    public static void clear(Message message) {
        message.removeHeaders("*", "CamelRedeliver*");
    }
}
