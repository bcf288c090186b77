package io.taskhub.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param xeroKey          the Xero app's webhook key (HUB_XERO_WEBHOOK_KEY); empty: every Xero delivery is refused
 * @param quickbooksToken  the QuickBooks app's verifier token (HUB_QUICKBOOKS_WEBHOOK_TOKEN); empty: refused alike
 * @param coalesce         a notified change waits this long for more before its sync starts: a burst makes one run
 */
@ConfigurationProperties("hub.webhooks")
public record WebhookProperties(String xeroKey, String quickbooksToken, Duration coalesce) {
}
