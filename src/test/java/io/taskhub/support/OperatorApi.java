package io.taskhub.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The REST calls of a hub operator that benchmarks and multi-instance tests repeat: accounts, Salesforce
 * integrations, forced syncs and their runs. Every call goes through the public API; a refusal fails loudly.
 */
public final class OperatorApi {

    /** An enabled integration: its account, id and REST path. */
    public record Integration(long account, long id) {
        public String path() {
            return "/api/accounts/" + account + "/integrations/" + id;
        }
    }

    private final HubClient client;

    public OperatorApi(HubClient client) {
        this.client = client;
    }

    public long createAccount(String name) {
        return expect(client.post("/api/accounts", Map.of("name", name)), 201).get("id").asLong();
    }

    /** Enables Salesforce opportunities; the hub checks the credentials and schedules the first sync at once. */
    public Integration enableSalesforce(long account, String loginUrl, String clientId, String clientSecret,
                                        String refreshToken, int intervalSeconds) {
        Map<String, Object> body = Map.of("provider", "salesforce",
                "credentials", Map.of("clientId", clientId, "clientSecret", clientSecret, "refreshToken", refreshToken),
                "endpoint", Map.of("loginUrl", loginUrl),
                "selectedTypes", List.of("opportunities"),
                "intervalSeconds", intervalSeconds);
        return enable(account, body);
    }

    /** {@code POST .../integrations} with this body: the enabled integration. */
    public Integration enable(long account, Map<String, Object> body) {
        long id = expect(client.post("/api/accounts/" + account + "/integrations", body), 201).get("id").asLong();
        return new Integration(account, id);
    }

    /** {@code POST .../sync?wait=true}: the finished run. */
    public JsonNode syncAndWait(Integration integration) {
        return expect(client.post(integration.path() + "/sync?wait=true", null), 200).json();
    }

    /**
     * Forces a sync and answers it once finished, however long it takes: the hub itself waits up to its forced-wait
     * and answers 202 for longer syncs, which are then polled.
     */
    public JsonNode syncToEnd(Integration integration, Duration timeout, Duration poll) {
        HubClient.Answer answer = client.post(integration.path() + "/sync?wait=true", null);
        if (answer.status() == 202) {
            return awaitRun(integration.account(), answer.get("runId").asLong(), timeout, poll);
        }
        return expect(answer, 200).json();
    }

    public JsonNode run(long account, long runId) {
        return expect(client.get("/api/accounts/" + account + "/runs/" + runId), 200).json();
    }

    /** Polls a run until it has finished. */
    public JsonNode awaitRun(long account, long runId, Duration timeout, Duration poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode run = run(account, runId);
            if (!"RUNNING".equals(run.path("status").asText())) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + runId + " still running after " + timeout);
            }
            pause(poll);
        }
    }

    /** The integration's runs, newest first. */
    public List<JsonNode> runs(Integration integration) {
        List<JsonNode> runs = new ArrayList<>();
        expect(client.get(integration.path() + "/runs?size=500"), 200).json().forEach(runs::add);
        return runs;
    }

    /** Every task of the integration's type, active or archived. */
    public long taskCount(Integration integration, String type) {
        return expect(client.get("/api/accounts/" + integration.account() + "/tasks?status=all&size=1&type=" + type
                + "&integrationId=" + integration.id()), 200).get("total").asLong();
    }

    private static HubClient.Answer expect(HubClient.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + answer.status() + ": "
                    + answer.text());
        }
        return answer;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
