package io.taskhub.provider.quickbooks;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a QuickBooks webhook delivery announces, in either of Intuit's formats: the legacy
 * {@code {eventNotifications:[{realmId, dataChangeEvent:{entities:[{name, id, operation, lastUpdated}]}}]}} and the
 * CloudEvents array {@code [{type: "qbo.customer.updated.v1", intuitaccountid, intuitentityid, ...}]}. One delivery
 * may name several companies (realms).
 */
public final class QuickBooksNotifications {

    private QuickBooksNotifications() {
    }

    /** The companies (realm ids) in which an entity the hub reads was created, changed, deleted, merged or voided. */
    public static Set<String> changedRealms(JsonNode delivery) {
        Set<String> realms = new LinkedHashSet<>();
        if (delivery.isArray()) {
            for (JsonNode event : delivery) {
                // qbo.<entity>.<operation>.v<n>
                String[] type = event.path("type").asText("").split("\\.");
                if (type.length >= 3 && "qbo".equals(type[0]) && read(type[1])) {
                    add(realms, event.path("intuitaccountid").asText(""));
                }
            }
            return realms;
        }
        for (JsonNode notification : delivery.path("eventNotifications")) {
            for (JsonNode entity : notification.path("dataChangeEvent").path("entities")) {
                if (read(entity.path("name").asText(""))) {
                    add(realms, notification.path("realmId").asText(""));
                }
            }
        }
        return realms;
    }

    private static boolean read(String entity) {
        return QuickBooksMapper.ENTITIES.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT)
                .equals(entity.toLowerCase(Locale.ROOT)));
    }

    private static void add(Set<String> realms, String realm) {
        if (!realm.isBlank()) {
            realms.add(realm);
        }
    }
}
