package io.taskhub.provider.xero;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class XeroNotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void contactEventsNameTheirTenantsOnce() throws Exception {
        assertThat(XeroNotifications.contactTenants(JSON.readTree("""
                {"events":[
                  {"resourceId":"c1","eventCategory":"CONTACT","eventType":"UPDATE","tenantId":"t1"},
                  {"resourceId":"i1","eventCategory":"INVOICE","eventType":"CREATE","tenantId":"t2"},
                  {"resourceId":"c2","eventCategory":"CONTACT","eventType":"CREATE","tenantId":"t1"},
                  {"resourceId":"c3","eventCategory":"CONTACT","eventType":"UPDATE","tenantId":"t3"},
                  {"resourceId":"c4","eventCategory":"CONTACT","eventType":"UPDATE"}],
                 "firstEventSequence":1,"lastEventSequence":5,"entropy":"x"}"""))).containsExactly("t1", "t3");
    }

    @Test
    void intentToReceiveNamesNoTenant() throws Exception {
        assertThat(XeroNotifications.contactTenants(JSON.readTree(
                "{\"events\":[],\"firstEventSequence\":0,\"lastEventSequence\":0,\"entropy\":\"x\"}"))).isEmpty();
    }
}
