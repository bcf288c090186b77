package io.taskhub.provider.salesforce;

import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.sync.ExportJob;
import io.taskhub.sync.ExportPages;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ColumnDelimiterEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.LineEndingEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Salesforce's Bulk API 2.0 path: the steps of route {@code salesforce-bulk-job} (the type's query job, the check of
 * each answered state, the completed job kept for the results) and the job's results as pages.
 */
@Component("salesforceBulkJobs")
public class SalesforceBulkJobs {

    /** The page source of route salesforce-bulk-import-type: the job selects the REST path's fields, mapped alike. */
    @Bean
    static ExportPages salesforceBulkPages(SalesforcePages rest) {
        return new ExportPages(rest);
    }

    /**
     * Body: the type; leaves its queryAll job to create, with the REST path's fields, so that deleted records arrive
     * with IsDeleted and are archived the same way. No ORDER BY: Bulk results come in no order anyway.
     */
    public QueryJob create(String type) {
        QueryJob job = new QueryJob();
        job.setOperation(OperationEnum.QUERY_ALL);
        job.setQuery(SalesforcePages.SOQL.get(type));
        job.setContentType(ContentTypeEnum.CSV);
        job.setColumnDelimiter(ColumnDelimiterEnum.COMMA);
        job.setLineEnding(LineEndingEnum.LF);
        return job;
    }

    /**
     * Body: the job as Salesforce last answered it. True while it is still at work; a failed or aborted one fails the
     * run (no retry: the same query would fail again).
     */
    public boolean running(QueryJob job, @Variable(ExportJob.VARIABLE) ExportJob export) {
        JobStateEnum state = job.getState();
        if (state == JobStateEnum.FAILED || state == JobStateEnum.ABORTED) {
            throw new ProviderUnavailable("Salesforce's Bulk API 2.0 query job " + job.getId() + " of "
                    + export.type() + " ended " + state.name() + "; the next full sync tries again");
        }
        return state != JobStateEnum.JOB_COMPLETE;
    }

    /** Body: the completed job. Keeps it for the results and leaves the type as the body again. */
    public String completed(QueryJob job, @Variable(ExportJob.VARIABLE) ExportJob chosen, Exchange exchange) {
        Long records = job.getNumberRecordsProcessed();
        exchange.setVariable(ExportJob.VARIABLE, chosen.completed("Salesforce's Bulk", job.getId(),
                records == null ? -1 : records));
        return chosen.type();
    }
}
