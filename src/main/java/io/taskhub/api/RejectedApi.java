package io.taskhub.api;

import io.taskhub.security.UserDirectory;
import io.taskhub.sync.RejectedRecords;
import io.taskhub.sync.RunRepository;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** The records that runs rejected as invalid, kept with their reason and payload for inspection. */
@Component("rejectedApi")
public class RejectedApi {

    private final IntegrationsApi integrations;
    private final RunRepository runs;
    private final RejectedRecords rejected;
    private final UserDirectory directory;

    public RejectedApi(IntegrationsApi integrations, RunRepository runs, RejectedRecords rejected,
                       UserDirectory directory) {
        this.integrations = integrations;
        this.runs = runs;
        this.rejected = rejected;
        this.directory = directory;
    }

    public RejectedRecords.RejectedPage ofRun(@Header("acc") String acc, @Header("runId") String runId,
                                      @Header("page") String page, @Header("size") String size) {
        long account = Accounts.existing(directory, acc);
        long run = runs.find(account, Check.id("runId", runId))
                .orElseThrow(() -> ApiProblem.notFound("no run " + runId + " in this account")).id();
        return rejected.ofRun(run, Paging.page(page), Paging.size(size));
    }

    public RejectedRecords.RejectedPage current(@Header("acc") String acc, @Header("id") String id,
                                        @Header("page") String page, @Header("size") String size) {
        return rejected.current(integrations.find(acc, id).id(), Paging.page(page), Paging.size(size));
    }
}
