package io.taskhub.provider.salesforce;

/**
 * A completed Bulk API 2.0 query job of one type, the exchange variable {@code salesforceBulkJob} while its results
 * are read.
 *
 * @param records how many records the job found (numberRecordsProcessed), the import's expected total
 */
public record BulkJob(String type, String id, long records) {

    public static final String VARIABLE = "salesforceBulkJob";
}
