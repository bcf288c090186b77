package io.taskhub.provider.xero;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Xero webhook delivery announces: {@code {events:[{tenantId, eventCategory, eventType, resourceId,
 * resourceUrl}], firstEventSequence, lastEventSequence, entropy}}. The "intent to receive" check has no events.
 */
public final class XeroNotifications {

    private XeroNotifications() {
    }

    /** The organisations (tenant ids) whose contacts changed; other categories (invoices...) are not imported. */
    public static Set<String> contactTenants(JsonNode delivery) {
        Set<String> tenants = new LinkedHashSet<>();
        for (JsonNode event : delivery.path("events")) {
            String tenant = event.path("tenantId").asText("");
            if ("CONTACT".equals(event.path("eventCategory").asText()) && !tenant.isBlank()) {
                tenants.add(tenant);
            }
        }
        return tenants;
    }
}
