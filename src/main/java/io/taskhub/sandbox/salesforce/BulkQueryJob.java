package io.taskhub.sandbox.salesforce;

import java.util.HashMap;
import java.util.Map;

/**
 * One Bulk API 2.0 query job: its query planned (and so its snapshot taken) when it was created, and the results
 * handed out so far, by offset, so that a locator can be asked for again as long as the job exists.
 */
final class BulkQueryJob {

    final String id;
    final String operation;
    final QueryEngine.Plan plan;
    final long total;
    final long createdMillis;
    final char delimiter;
    final String lineEnding;
    /** JobComplete, or Failed / Aborted where a test wants the job to end so. */
    final String endState;
    /** Offset of a set of results → the record just before it (null before the first). */
    private final Map<Integer, SObjectRecord> starts = new HashMap<>();

    BulkQueryJob(String id, String operation, QueryEngine.Plan plan, long total, long createdMillis, char delimiter,
                 String lineEnding, String endState) {
        this.id = id;
        this.operation = operation;
        this.plan = plan;
        this.total = total;
        this.createdMillis = createdMillis;
        this.delimiter = delimiter;
        this.lineEnding = lineEnding;
        this.endState = endState;
        starts.put(0, null);
    }

    synchronized boolean startsAt(int offset) {
        return starts.containsKey(offset);
    }

    synchronized SObjectRecord before(int offset) {
        return starts.get(offset);
    }

    synchronized void startAt(int offset, SObjectRecord before) {
        starts.put(offset, before);
    }

    /** Salesforce's states as the job ages: waiting, then working, then done after {@code processingMillis}. */
    String state(long now, long processingMillis) {
        long age = now - createdMillis;
        return age >= processingMillis ? endState : age >= processingMillis / 2 ? "InProgress" : "UploadComplete";
    }
}
