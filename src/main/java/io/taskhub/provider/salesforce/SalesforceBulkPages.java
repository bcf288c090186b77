package io.taskhub.provider.salesforce;

import io.taskhub.sync.ExportPages;
import org.springframework.stereotype.Component;

/**
 * The results of a Bulk API 2.0 query job (route {@code salesforce-bulk-fetch}) as pages, each row mapped like a
 * REST record: the job selects the REST path's fields, so the mapper cannot tell them apart.
 */
@Component("salesforceBulkPages")
public class SalesforceBulkPages extends ExportPages {

    public SalesforceBulkPages(SalesforcePages rest) {
        super(rest);
    }
}
