-- The active tasks of one type that a full reconciliation did not see, in id order: the route template
-- unseen-by-id asks the provider for them by id before archive-unseen.sql archives them as DELETED.
select external_id from task
where integration_id = :integrationId and type = cast(:type as text) and kind = 'TASK' and status = 'ACTIVE'
  and seen_run_id is distinct from cast(:runId as bigint)
order by external_id
