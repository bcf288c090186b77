package io.taskhub.sync;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.Run;
import io.taskhub.model.RunCounts;
import io.taskhub.model.RunStatus;
import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.Providers;
import io.taskhub.security.CredentialCipher;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The beginning and end of every sync run, whatever the provider: called by the {@code sync-run} route. */
@Component("syncRuns")
public class SyncRuns {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRuns.class);
    static final String LOST_LEASE = "lost its lease: another run of this integration took over";

    private final RunRepository runs;
    private final IntegrationRepository integrations;
    private final Providers providers;
    private final CredentialCipher cipher;
    private final TaskTree tree;
    private final ObjectMapper json;
    private final NodeId node;
    private final IntegrationLifecycle lifecycle;
    private final LeaseHeartbeat heartbeat;
    private final LimitHeaders limits;

    public SyncRuns(RunRepository runs, IntegrationRepository integrations, Providers providers,
                    CredentialCipher cipher, TaskTree tree, ObjectMapper json, NodeId node,
                    IntegrationLifecycle lifecycle, LeaseHeartbeat heartbeat, LimitHeaders limits) {
        this.heartbeat = heartbeat;
        this.limits = limits;
        this.runs = runs;
        this.integrations = integrations;
        this.providers = providers;
        this.cipher = cipher;
        this.tree = tree;
        this.json = json;
        this.node = node;
        this.lifecycle = lifecycle;
    }

    /**
     * Loads the run's integration, opens its credentials and lays out the tree's frame (for providers that import
     * tasks). Body: the run id.
     */
    public void open(Exchange exchange) throws Exception {
        long runId = exchange.getIn().getBody(Long.class);
        Run run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        StoredIntegration integration = integrations.find(run.integrationId()).orElseThrow();
        Provider provider = providers.get(integration.provider());
        Map<String, String> credentials = json.readValue(cipher.open(integration.id(), integration.sealedCredentials()),
                new TypeReference<>() { });
        Map<String, Long> parents = provider.importsTasks()
                ? tree.prepare(integration.id(), provider, integration.selectedTypes(), integration.ownerEmail(),
                        integration.accountId())
                : Map.of();
        SyncContext sync = new SyncContext(runId, integration.id(), integration.accountId(), provider,
                new Provider.Connection(credentials, integration.endpoint(), integration.settings()),
                integration.selectedTypes(), run.full(), integrations.cursors(integration.id()), parents);
        exchange.setProperty(SyncContext.PROPERTY, sync);
        SyncLogContext.enter(sync);
        LOG.info("Sync started: {}", sync);
    }

    /**
     * The run ends and the lease is released in one transaction: a sync forced right after the end must find
     * either both (and start) or neither (and report this run), never a finished run still holding the lease.
     */
    @Transactional
    public void succeed(Exchange exchange) {
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        RunCounts counts = sync.counts();
        RunStatus status = counts.rejected() > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
        heartbeat.ended(sync.runId());
        limits.store(sync);
        if (!integrations.releaseLease(sync.integrationId(), node.leaseOf(sync.runId()), sync.full())) {
            runs.finish(sync.runId(), RunStatus.FAILED, counts, LOST_LEASE);
            LOG.warn("Sync {} of integration {} failed: {}", sync.runId(), sync.integrationId(), LOST_LEASE);
            return;
        }
        runs.finish(sync.runId(), status, counts, null);
        LOG.info("Sync {} of integration {}: {} {}", sync.runId(), sync.integrationId(), status, counts);
    }

    /**
     * Ends the run as FAILED with a message fit for the client. Cursors only moved for pages that were stored, so
     * the next run resumes where this one stopped. A provider that refused the credentials stops the schedule
     * until an administrator re-enables the integration.
     */
    @Transactional
    public void fail(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        SyncContext sync = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        long runId = sync != null ? sync.runId() : exchange.getIn().getBody(Long.class);
        Run run = runs.find(runId).orElseThrow();
        RunCounts counts = sync != null ? sync.counts() : RunCounts.NONE;
        if (sync != null) {
            limits.store(sync);
        }
        String message = describe(error, sync == null ? "the provider" : providers.get(sync.provider()).displayName());
        heartbeat.ended(runId);
        runs.finish(runId, RunStatus.FAILED, counts, message);
        integrations.dropLease(run.integrationId(), node.leaseOf(runId));
        ProviderRejection rejection = Causes.find(error, ProviderRejection.class);
        if (rejection != null) {
            lifecycle.credentialsRefused(run.integrationId(), rejection.getMessage());
        }
        String cause = Causes.rootMessage(error);
        LOG.warn("Sync {} of integration {} failed: {}{}", runId, run.integrationId(), message,
                message.contains(cause) ? "" : " (" + cause + ")");
    }

    /**
     * What a client reads on the failed run: the provider's refusal if it refused; a call that got no answer, named
     * as the provider's; the hub's own database in the hub's words and PostgreSQL's one-line reason (its statement,
     * values and context are for the log);
     * else the innermost message.
     */
    static String describe(Throwable error, String provider) {
        ProviderRejection rejection = Causes.find(error, ProviderRejection.class);
        if (rejection != null) {
            return rejection.getMessage();
        }
        PSQLException refusal = Causes.find(error, PSQLException.class);
        if (refusal != null && refusal.getServerErrorMessage() != null) {
            return "the hub's database refused what the run read: " + refusal.getServerErrorMessage().getMessage();
        }
        if (Causes.find(error, DataAccessResourceFailureException.class) != null
                || Causes.find(error, TransientDataAccessException.class) != null) {
            return "the hub's database could not be reached (the hub's log has the details)";
        }
        if (Causes.find(error, SocketTimeoutException.class) != null) {
            return provider + " did not answer in time (" + Causes.rootMessage(error) + ")";
        }
        if (Causes.find(error, ConnectException.class) != null || Causes.find(error, UnknownHostException.class) != null) {
            return provider + " could not be reached (" + Causes.rootMessage(error) + ")";
        }
        return Causes.rootMessage(error);
    }
}
