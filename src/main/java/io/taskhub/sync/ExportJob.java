package io.taskhub.sync;

/**
 * One type of a full sync read whole through a provider's export job (Salesforce's Bulk API 2.0 query job) instead
 * of page by page: the variable {@code exportJob}, left by {@link ExportChoice} when the type holds more records than
 * the provider's threshold, then replaced by the completed job, whose results {@link CsvResults} reads.
 *
 * @param name    how the run's errors name the job's results ("Salesforce's Bulk"); null until it completed
 * @param id      the provider's id of the job; null until it completed
 * @param records how many records it holds: counted, then what the job found (-1: not told); the expected total
 */
public record ExportJob(String type, long records, String name, String id) {

    public static final String VARIABLE = "exportJob";

    /** Chosen for a type of this many records; the provider's job step creates it. */
    public static ExportJob chosen(String type, long records) {
        return new ExportJob(type, records, null, null);
    }

    public ExportJob completed(String jobName, String jobId, long jobRecords) {
        return new ExportJob(type, jobRecords, jobName, jobId);
    }
}
