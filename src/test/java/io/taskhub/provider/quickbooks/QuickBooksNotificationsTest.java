package io.taskhub.provider.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class QuickBooksNotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void legacyNotificationsNameEveryRealmWithAnEntityTheHubReads() throws Exception {
        JsonNode delivery = JSON.readTree("""
                {"eventNotifications":[
                  {"realmId":"111","dataChangeEvent":{"entities":[
                    {"name":"Customer","id":"1","operation":"Merge","lastUpdated":"2026-12-01T10:00:00.000Z"}]}},
                  {"realmId":"222","dataChangeEvent":{"entities":[
                    {"name":"Vendor","id":"2","operation":"Update"},
                    {"name":"Invoice","id":"3","operation":"Void"}]}},
                  {"realmId":"333","dataChangeEvent":{"entities":[{"name":"Bill","id":"4","operation":"Create"}]}},
                  {"realmId":"111","dataChangeEvent":{"entities":[{"name":"Payment","id":"5","operation":"Delete"}]}}
                ]}""");
        assertThat(QuickBooksNotifications.changedRealms(delivery)).containsExactly("111", "222");
    }

    @Test
    void cloudEventsNameTheirAccountWhateverTheOperation() throws Exception {
        JsonNode delivery = JSON.readTree("""
                [{"specversion":"1.0","type":"qbo.estimate.created.v1","intuitaccountid":"444","intuitentityid":"9"},
                 {"specversion":"1.0","type":"qbo.customer.merged.v1","intuitaccountid":"555"},
                 {"specversion":"1.0","type":"qbo.vendor.updated.v1","intuitaccountid":"666"},
                 {"specversion":"1.0","type":"other.customer.updated.v1","intuitaccountid":"777"},
                 {"specversion":"1.0","type":"qbo.invoice.deleted.v1"}]""");
        assertThat(QuickBooksNotifications.changedRealms(delivery)).containsExactly("444", "555");
    }

    @Test
    void anythingElseNamesNoRealm() throws Exception {
        assertThat(QuickBooksNotifications.changedRealms(JSON.readTree("{}"))).isEmpty();
        assertThat(QuickBooksNotifications.changedRealms(JSON.readTree("\"text\""))).isEmpty();
        assertThat(QuickBooksNotifications.changedRealms(JSON.missingNode())).isEmpty();
    }
}
