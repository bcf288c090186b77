package io.taskhub.model;

/** What one sync run did, as reported on the Run resource. */
public record RunCounts(int fetched, int created, int updated, int archived, int restored, int rejected) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0);

    public RunCounts plus(RunCounts o) {
        return new RunCounts(fetched + o.fetched, created + o.created, updated + o.updated, archived + o.archived,
                restored + o.restored, rejected + o.rejected);
    }
}
