package io.taskhub.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param size           records per simulated provider type ({@code HUB_SANDBOX_SIZE})
 * @param salesforcePort where the Salesforce simulator listens; fixed so that the demo integration's stored
 *                       endpoint still works after a restart
 * @param insightlyPort  where the Insightly simulator listens, fixed for the same reason
 * @param xeroPort       where the Xero simulator listens, likewise
 * @param quickbooksPort where the QuickBooks simulator listens (API and token endpoint), fixed for the same reason
 * @param latency        how long each simulator takes to answer ({@code HUB_SANDBOX_LATENCY}), zero for at once
 */
@ConfigurationProperties("hub.sandbox")
public record SandboxProperties(int size, int salesforcePort, int insightlyPort, int xeroPort, int quickbooksPort,
                                String adminEmail, String adminPassword, String userEmail, String userPassword,
                                Duration latency) {
}
