package io.taskhub.provider.salesforce;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param archivedStages opportunity stages that archive the task (CLOSED); other closed stages stay active
 * @param overlap        how far before its cursor an incremental query starts: Salesforce stamps records when the
 *                       transaction starts but they become visible at commit, and many records share a timestamp
 * @param keptSessions   how many orgs keep their logged-in component between runs; the least recently used idle
 *                       one beyond this is stopped (a component a run uses never is)
 */
@ConfigurationProperties("hub.salesforce")
public record SalesforceProperties(String apiVersion, String loginUrl, Set<String> archivedStages, Duration overlap,
                                   int keptSessions) {
}
