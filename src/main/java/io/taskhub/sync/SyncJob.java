package io.taskhub.sync;

import io.taskhub.model.RunTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an integration's Quartz trigger fires: a thin hand-over to the same sync that forced syncs use. Runs on a
 * Quartz worker thread, so {@code hub.sync.workers} bounds the syncs one instance runs at once.
 */
@DisallowConcurrentExecution
public class SyncJob implements Job {

    static final String INTEGRATION_ID = "integrationId";

    @Autowired
    private SyncService syncs;

    @Override
    public void execute(JobExecutionContext context) {
        long integrationId = context.getMergedJobDataMap().getLong(INTEGRATION_ID);
        syncs.start(integrationId, RunTrigger.TIMER, false, context.getScheduledFireTime().toInstant())
                .filter(started -> !started.alreadyRunning())
                .ifPresent(started -> syncs.run(started.runId()));
    }
}
