package io.taskhub.sync;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The provider's remaining budget, read from the rate-limit headers of its answers (a fetch route step right after
 * the call) and kept with the integration when the run ends, so that a client and the operator see how close a
 * tenant is to its provider's limits ({@code providerLimits}, {@code hub_provider_limit_remaining}).
 */
@Component("limitHeaders")
public class LimitHeaders {

    /** Header → the name the hub shows it by. */
    private static final Map<String, String> HEADERS = Map.of(
            "X-DayLimit-Remaining", "dayRemaining",
            "X-MinLimit-Remaining", "minuteRemaining",
            "X-AppMinLimit-Remaining", "appMinuteRemaining",
            "X-RateLimit-Limit", "dailyLimit",
            "X-RateLimit-Remaining", "dailyRemaining");

    /** Salesforce's {@code Sforce-Limit-Info: api-usage=18/15000}: calls made in the last 24 hours, of the org's limit. */
    private static final Pattern SALESFORCE_USAGE = Pattern.compile("api-usage=([0-9]{1,12})/([0-9]{1,12})");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public LimitHeaders(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Route step, right after a provider call: what its answer says of the budget. */
    public void seen(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        HEADERS.forEach((header, name) -> {
            String value = exchange.getIn().getHeader(header, String.class);
            if (value != null && value.trim().matches("[0-9]{1,12}")) {
                sync.limit(name, Long.parseLong(value.trim()));
            }
        });
        String usage = exchange.getIn().getHeader("Sforce-Limit-Info", String.class);
        Matcher used = usage == null ? null : SALESFORCE_USAGE.matcher(usage);
        if (used != null && used.find()) {
            long limit = Long.parseLong(used.group(2));
            sync.limit("dailyLimit", limit);
            sync.limit("dailyRemaining", Math.max(0, limit - Long.parseLong(used.group(1))));
        }
    }

    /** At the run's end: the last values seen, if any, replace the integration's. */
    void store(SyncContext sync) {
        Map<String, Long> limits = sync.limits();
        if (limits.isEmpty()) {
            return;
        }
        try {
            jdbc.update("update integration set provider_limits = cast(? as jsonb), provider_limits_at = now() "
                    + "where id = ?", json.writeValueAsString(limits), sync.integrationId());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the provider limits", e);
        }
    }
}
