-- Tasks of one type that a full reconciliation did not see but keeps: the provider still has them, or the next
-- reconciliation confirms them. Seen by the run, so that archive-unseen.sql leaves them.
update task set seen_run_id = :runId
where integration_id = :integrationId and type = cast(:type as text) and external_id in (:ids)
