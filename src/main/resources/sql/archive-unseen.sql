-- After a full reconciliation of one type: whatever it did not see was deleted in the provider without a trace.
-- Only under the run's own lease: a run that lost it would archive what the run that took over just wrote.
with lease as (
    select 1 from integration
    where id = :#integrationId and lease_owner = :#node and lease_until >= now()
    for update
),
swept as (
    update task set status = 'ARCHIVED', archived_reason = 'DELETED', updated_at = now()
    where integration_id = :#integrationId and type = :#type and kind = 'TASK' and status = 'ACTIVE'
      and seen_run_id is distinct from cast(:#runId as bigint)
      and exists (select 1 from lease)
    returning external_id
),
clients as (
    update client set archived = true, updated_at = now()
    where integration_id = :#integrationId and type = :#type and not archived
      and external_id in (select external_id from swept)
    returning 1
)
select (select count(*) from swept) as archived, (select count(*) from clients) as clients_archived,
       (select count(*) from lease) as lease_held
