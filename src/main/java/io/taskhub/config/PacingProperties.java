package io.taskhub.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What each provider allows one tenant (a Salesforce org, an Insightly API key, a Xero organisation, a QuickBooks
 * company), as it publishes it: the hub keeps each tenant's calls within it instead of bouncing off its 429s.
 */
@ConfigurationProperties("hub.pacing")
public record PacingProperties(Limit salesforce, Limit insightly, Limit xero, Limit quickbooks) {

    /**
     * @param perMinute calls a minute; 0 for no per-minute limit
     * @param atOnce    calls in flight at once; a run sends one call at a time, so also the tenant's runs at once
     */
    public record Limit(int perMinute, int atOnce) {
    }

    public Limit of(String provider) {
        return switch (provider) {
            case "salesforce" -> salesforce;
            case "insightly" -> insightly;
            case "xero" -> xero;
            case "quickbooks" -> quickbooks;
            default -> throw new IllegalArgumentException("no pacing for provider " + provider);
        };
    }
}
