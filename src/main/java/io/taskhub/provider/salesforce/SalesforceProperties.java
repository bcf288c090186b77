package io.taskhub.provider.salesforce;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param archivedStages   opportunity stages that archive the task (CLOSED); other closed stages stay active
 * @param overlap          how far before its cursor an incremental query starts: Salesforce stamps records when the
 *                         transaction starts but they become visible at commit, and many records share a timestamp
 * @param keptSessions     how many orgs keep their logged-in component between runs; the least recently used idle
 *                         one beyond this is stopped (a component a run uses never is)
 * @param bulkThreshold    a full sync of a type holding more records than this reads it through a Bulk API 2.0 query
 *                         job instead of REST pages: 2,000 records a request become {@code bulkPageSize}
 * @param bulkPageSize     records asked for per Bulk results request (maxRecords); camel-salesforce holds one such
 *                         answer in memory while its rows are handed on 2,000 at a time
 * @param bulkPollDelay    the first wait before asking whether a Bulk job is complete; each further wait doubles...
 * @param bulkPollMaxDelay ...up to this
 */
@ConfigurationProperties("hub.salesforce")
public record SalesforceProperties(String apiVersion, String loginUrl, Set<String> archivedStages, Duration overlap,
                                   int keptSessions, long bulkThreshold, int bulkPageSize, Duration bulkPollDelay,
                                   Duration bulkPollMaxDelay) {
}
