package io.taskhub.provider.insightly;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl                   the REST API of one pod; {@code {pod}} stands for the integration's pod
 * @param pageSize                  records per request ({@code top}); Insightly answers at most 500
 * @param overlap                   how far before its cursor an incremental search starts: the boundary of
 *                                  {@code updated_after_utc} is undocumented and its stamps have whole seconds
 * @param searchTimeFormat          how {@code updated_after_utc} is written, in UTC
 * @param brief                     ask for top-level fields only (no custom fields, tags, links): all the hub reads
 * @param archivedOpportunityStates opportunity states that archive the task (COMPLETED)
 * @param archivedProjectStatuses   project statuses that archive the task (COMPLETED)
 */
@ConfigurationProperties("hub.insightly")
public record InsightlyProperties(String baseUrl, int pageSize, Duration overlap, String searchTimeFormat,
                                  boolean brief, Set<String> archivedOpportunityStates,
                                  Set<String> archivedProjectStatuses) {

    public static final int LARGEST_PAGE = 500;

    public InsightlyProperties {
        if (pageSize < 1 || pageSize > LARGEST_PAGE) {
            throw new IllegalArgumentException("hub.insightly.page-size must be between 1 and " + LARGEST_PAGE);
        }
    }
}
