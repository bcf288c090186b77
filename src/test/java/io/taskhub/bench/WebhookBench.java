package io.taskhub.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.sandbox.xero.XeroSimulator;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;
import io.taskhub.support.SignedDelivery;

/**
 * How long from a signed Xero webhook to the changed contact visible through the tasks API: what a user waits for
 * after editing a contact in Xero. Each event is one renamed contact, sent once the previous one was visible, so
 * every figure includes the coalescing wait ({@code hub.webhooks.coalesce}) and a whole incremental sync.
 */
final class WebhookBench {

    /** The hub processes' HUB_XERO_WEBHOOK_KEY. */
    static final String XERO_KEY = "bench-xero-webhook-key";
    private static final Duration POLL = Duration.ofMillis(20);
    /**
     * Xero allows an organisation 60 calls a minute: the edits come at most one a 1.2 s, so that their syncs (and
     * the first sync's pages) stay within it, as a user's do; faster, the hub would rightly pace them.
     */
    private static final Duration EDITS = Duration.ofMillis(1200);

    private final BenchRun run;

    WebhookBench(BenchRun run) {
        this.run = run;
    }

    void measure(HubProcess hub) {
        int records = run.sizes.latencyRecords();
        int events = Sizes.WEBHOOK_EVENTS;
        BenchRun.progress("webhook to visible: " + events + " Xero contact events, " + records + " contacts");
        try (XeroSimulator xero = XeroSimulator.start(XeroSimulator.Options.defaults().withContacts(records))) {
            OperatorApi api = new OperatorApi(hub.operator());
            long account = api.createAccount("Webhooks");
            OperatorApi.Integration integration = api.enable(account, Map.of("provider", "xero",
                    "intervalSeconds", 86_400,
                    "credentials", Map.of("clientId", XeroSimulator.DEFAULT_CLIENT_ID,
                            "clientSecret", XeroSimulator.DEFAULT_CLIENT_SECRET,
                            "refreshToken", xero.issueRefreshToken()),
                    "endpoint", Map.of("baseUrl", xero.baseUrl(), "tokenUrl", xero.tokenUrl()),
                    "settings", Map.of("revenueAccountCode", XeroSimulator.REVENUE_ACCOUNT,
                            "expenseAccountCode", XeroSimulator.EXPENSE_ACCOUNT)));
            api.syncToEnd(integration, Duration.ofMinutes(5), Duration.ofMillis(200));
            HubClient provider = hub.anonymous();
            HubClient reader = hub.operator();
            double[] millis = new double[events];
            long lastEdit = System.nanoTime() - EDITS.toNanos();
            for (int event = 0; event < events; event++) {
                sleepUntil(lastEdit + EDITS.toNanos());
                lastEdit = System.nanoTime();
                String contact = xero.contactId(event % records);
                String name = "Hooked " + event;
                xero.renameContact(contact, name);
                String body = SignedDelivery.xeroContactEvent(XeroSimulator.DEFAULT_TENANT_ID, contact);
                long start = System.nanoTime();
                HubClient.Answer answer = SignedDelivery.post(provider, "/webhooks/xero", "x-xero-signature",
                        SignedDelivery.signature(body, XERO_KEY), body);
                BenchRun.check(answer.status() == 200, "webhook answered " + answer.status());
                awaitName(reader, account, contact, name, Duration.ofSeconds(30));
                millis[event] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            String of = " (" + events + " events, " + records + " contacts)";
            run.report(Figure.info("webhook to visible p50" + of, LatencyBench.percentile(millis, 50), "ms",
                    "coalescing wait included"));
            run.report(Figure.below("webhook to visible p95" + of, LatencyBench.percentile(millis, 95), "ms", 2000));
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void awaitName(HubClient reader, long account, String contact, String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode items = reader.tasks("/api/accounts/" + account, "status=all&q=" + contact).path("items");
            if (items.size() == 1 && items.get(0).path("name").asText().equals(name)) {
                return;
            }
            BenchRun.check(System.nanoTime() < deadline, "contact " + contact + " not renamed after " + timeout);
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
