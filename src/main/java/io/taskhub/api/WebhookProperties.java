package io.taskhub.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param xeroKey          the Xero app's webhook key (HUB_XERO_WEBHOOK_KEY); empty: every Xero delivery is refused
 * @param quickbooksToken  the QuickBooks app's verifier token (HUB_QUICKBOOKS_WEBHOOK_TOKEN); empty: refused alike
 */
@ConfigurationProperties("hub.webhooks")
public record WebhookProperties(String xeroKey, String quickbooksToken) {
}
