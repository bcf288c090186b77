package io.taskhub.provider.quickbooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl      the accounting API; {@code endpoint.baseUrl} replaces it per integration (Intuit's development
 *                     companies have their own)
 * @param tokenUrl     Intuit's OAuth 2.0 token endpoint; {@code endpoint.tokenUrl} replaces it per integration
 * @param authorizeUrl Intuit's sign-in page for connecting; {@code endpoint.authorizeUrl} replaces it per integration
 * @param revokeUrl    where an unlinked integration's grant is revoked; {@code endpoint.revokeUrl} replaces it
 * @param minorVersion the API's minor version, sent with every call
 * @param pageSize     MAXRESULTS of each query page; QuickBooks answers at most 1000
 * @param overlap      how far before its cursor an incremental query starts: QuickBooks stamps whole seconds and
 *                     commits late; what comes back unchanged is not written again
 * @param cdcWindow    how far back change data capture is asked for at most (QuickBooks remembers 30 days; the daily
 *                     full reconciliation finds older deletions)
 * @param throttleWait how long to wait after throttling when QuickBooks says nothing (it usually does not)
 */
@ConfigurationProperties("hub.quickbooks")
public record QuickBooksProperties(String baseUrl, String tokenUrl, String authorizeUrl, String revokeUrl,
                                   int minorVersion, int pageSize,
                                   Duration overlap, Duration cdcWindow, Duration throttleWait) {

    public static final int LARGEST_PAGE = 1000;

    public QuickBooksProperties {
        if (pageSize < 1 || pageSize > LARGEST_PAGE) {
            throw new IllegalArgumentException("hub.quickbooks.page-size must be between 1 and " + LARGEST_PAGE);
        }
    }
}
