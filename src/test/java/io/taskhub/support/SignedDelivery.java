package io.taskhub.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook deliveries signed the way Xero and QuickBooks sign them, with the keys of the test profile; computed here
 * with the JDK alone, not with the hub's own code.
 */
public final class SignedDelivery {

    public static final String XERO_KEY = "test-xero-webhook-key";
    public static final String QUICKBOOKS_TOKEN = "test-quickbooks-verifier-token";

    private SignedDelivery() {
    }

    public static String signature(String body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs the body with this signature header; a null signature sends none. */
    public static HubClient.Answer post(HubClient client, String path, String header, String signature, String body) {
        return client.postBytes(path, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8),
                signature == null ? Map.of() : Map.of(header, signature));
    }

    public static HubClient.Answer xero(HubClient client, String body) {
        return post(client, "/webhooks/xero", "x-xero-signature", signature(body, XERO_KEY), body);
    }

    /** One CONTACT UPDATE event of an organisation, as Xero sends it (with non-ASCII bytes, which are signed too). */
    public static String xeroContactEvent(String tenantId, String contactId) {
        return "{\"events\":[{\"resourceUrl\":\"https://api.xero.com/api.xro/2.0/Contacts/" + contactId + "\","
                + "\"resourceId\":\"" + contactId + "\",\"eventDateUtc\":\"2026-12-01T22:00:00.000\","
                + "\"eventType\":\"UPDATE\",\"eventCategory\":\"CONTACT\",\"tenantId\":\"" + tenantId + "\","
                + "\"tenantType\":\"ORGANISATION\"}],\"firstEventSequence\":1,\"lastEventSequence\":1,"
                + "\"entropy\":\"ÆØÅ-" + contactId + "\"}";
    }

    public static HubClient.Answer quickbooks(HubClient client, String body) {
        return post(client, "/webhooks/quickbooks", "intuit-signature", signature(body, QUICKBOOKS_TOKEN), body);
    }
}
