package io.taskhub.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bounds of every provider call (camel-http, camel-salesforce): a hung or trickling provider fails that call,
 * which the sync retries, instead of holding a worker.
 *
 * @param connectTimeoutMs  connecting (and, for camel-http, waiting for a pooled connection)
 * @param readTimeoutMs     silence between two parts of an answer
 * @param responseTimeoutMs the whole answer, however it trickles
 */
@ConfigurationProperties("hub.http")
public record HttpProperties(long connectTimeoutMs, long readTimeoutMs, long responseTimeoutMs) {
}
