package io.taskhub.provider.salesforce;

import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.sync.ExportJob;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ColumnDelimiterEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.LineEndingEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;
import org.springframework.stereotype.Component;

/**
 * The steps of route {@code salesforce-bulk-job}: the type's query job, the check of each answered state, and the
 * completed job kept for the results.
 */
@Component("salesforceBulkJobs")
public class SalesforceBulkJobs {

    private static final String TYPE = "salesforceBulkType";

    /**
     * Body: the type; leaves its queryAll job to create, with the REST path's fields, so that deleted records arrive
     * with IsDeleted and are archived the same way. No ORDER BY: Bulk results come in no order anyway.
     */
    public void create(Exchange exchange) {
        String type = exchange.getIn().getBody(String.class);
        exchange.setVariable(TYPE, type);
        QueryJob job = new QueryJob();
        job.setOperation(OperationEnum.QUERY_ALL);
        job.setQuery(SalesforcePages.select(type));
        job.setContentType(ContentTypeEnum.CSV);
        job.setColumnDelimiter(ColumnDelimiterEnum.COMMA);
        job.setLineEnding(LineEndingEnum.LF);
        exchange.getIn().setBody(job);
    }

    /**
     * Body: the job as Salesforce last answered it. True while it is still at work; a failed or aborted one fails the
     * run (no retry: the same query would fail again).
     */
    public boolean running(Exchange exchange) {
        QueryJob job = exchange.getIn().getBody(QueryJob.class);
        JobStateEnum state = job.getState();
        if (state == JobStateEnum.FAILED || state == JobStateEnum.ABORTED) {
            throw new ProviderUnavailable("Salesforce's Bulk API 2.0 query job " + job.getId() + " of "
                    + exchange.getVariable(TYPE) + " ended " + state.name() + "; the next full sync tries again");
        }
        return state != JobStateEnum.JOB_COMPLETE;
    }

    /** Body: the completed job. Keeps it for the results and leaves the type as the body again. */
    public void completed(Exchange exchange) {
        QueryJob job = exchange.getIn().getBody(QueryJob.class);
        String type = exchange.getVariable(TYPE, String.class);
        Long records = job.getNumberRecordsProcessed();
        exchange.setVariable(ExportJob.VARIABLE, new ExportJob(type, records == null ? -1 : records,
                "Salesforce's Bulk", job.getId()));
        exchange.getIn().setBody(type);
    }
}
