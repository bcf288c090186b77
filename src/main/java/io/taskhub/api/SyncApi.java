package io.taskhub.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.taskhub.config.HubProperties;
import io.taskhub.model.Run;
import io.taskhub.model.RunTrigger;
import io.taskhub.security.UserDirectory;
import io.taskhub.sync.RunRepository;
import io.taskhub.sync.StoredIntegration;
import io.taskhub.sync.SyncService;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Forced syncs and the runs they and the timers leave behind. */
@Component("syncApi")
public class SyncApi {

    private final IntegrationsApi integrations;
    private final SyncService syncs;
    private final RunRepository runs;
    private final UserDirectory directory;
    private final long waitMillis;

    public SyncApi(IntegrationsApi integrations, SyncService syncs, RunRepository runs, UserDirectory directory,
                   HubProperties hub) {
        this.integrations = integrations;
        this.syncs = syncs;
        this.runs = runs;
        this.directory = directory;
        this.waitMillis = hub.sync().forcedWait().toMillis();
    }

    /**
     * 202 with the run id at once; with {@code wait=true}, 200 with the finished run, or 202 if it takes longer than
     * the forced wait. A sync already running is reported instead of starting another.
     */
    public Object sync(@Header("acc") String acc, @Header("id") String id, @Header("wait") String wait,
                       @Header("full") String full, Exchange exchange) throws InterruptedException {
        boolean waiting = Check.flag("wait", wait);
        boolean reconcile = Check.flag("full", full);
        StoredIntegration integration = integrations.find(acc, id);
        SyncService.StartedRun started = syncs.start(integration.id(), RunTrigger.FORCED, reconcile)
                .orElseThrow(() -> ApiProblem.conflict("integration " + integration.id() + " is "
                        + integration.status() + ": it cannot sync"));
        if (!waiting) {
            if (!started.alreadyRunning()) {
                syncs.runInBackground(started.runId());
            }
            return Http.accepted(exchange, new RunStarted(started.runId()));
        }
        if (started.alreadyRunning()) {
            return awaitRunning(started.runId(), exchange);
        }
        try {
            return syncs.runInBackground(started.runId()).get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Http.accepted(exchange, new RunStarted(started.runId()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("sync " + started.runId() + " could not run", e.getCause());
        }
    }

    public List<Run> runs(@Header("acc") String acc, @Header("id") String id, @Header("size") String size) {
        return runs.list(integrations.find(acc, id).id(), Paging.size(size));
    }

    public Run run(@Header("acc") String acc, @Header("runId") String runId) {
        long account = Accounts.existing(directory, acc);
        return runs.find(account, Check.id("runId", runId))
                .orElseThrow(() -> ApiProblem.notFound("no run " + runId + " in this account"));
    }

    /**
     * Another request's run: on this instance, waits for its outcome; on another one, looks it up in the database
     * less and less often (100 ms, doubling up to 1 s) until it ends or the wait is over.
     */
    private Object awaitRunning(long runId, Exchange exchange) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        Optional<CompletableFuture<Run>> local = syncs.underway(runId);
        if (local.isPresent()) {
            try {
                return local.get().get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return Http.accepted(exchange, new RunStarted(runId));
            } catch (ExecutionException e) {
                // it failed: the database holds how
            }
        }
        for (long pause = 100; ; pause = Math.min(1000, pause * 2)) {
            Run run = runs.find(runId).orElseThrow();
            if (run.finishedAt() != null) {
                return run;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return Http.accepted(exchange, new RunStarted(runId));
            }
            Thread.sleep(Math.min(pause, left));
        }
    }
}
