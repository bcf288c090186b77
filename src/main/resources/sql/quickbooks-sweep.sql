-- After a full reconciliation of one type: whatever it did not see is gone from QuickBooks (a merged customer, a
-- deletion older than change data capture remembers). Links to it go too: the foreign keys cascade. What the hub
-- wrote itself since the run started (a customer it just created) stays.
with document_types (provider_type, document_type) as (
    values ('invoices', 'INVOICE'), ('payments', 'PAYMENT'), ('estimates', 'ESTIMATE')
),
run as (
    select started_at from sync_run where id = cast(:#runId as bigint)
),
-- only under the run's own lease: a run that lost it would delete what the run that took over just stored
lease as (
    select 1 from integration
    where id = :#integrationId and lease_owner = :#node and lease_until >= now()
    for update
),
customers as (
    delete from qb_customer
    where integration_id = :#integrationId and cast(:#type as text) = 'customers'
      and seen_run_id is distinct from cast(:#runId as bigint)
      and stored_at < (select started_at from run)
      and exists (select 1 from lease)
    returning 1
),
documents as (
    delete from qb_document
    where integration_id = :#integrationId
      and type = (select document_type from document_types where provider_type = cast(:#type as text))
      and seen_run_id is distinct from cast(:#runId as bigint)
      and stored_at < (select started_at from run)
      and exists (select 1 from lease)
    returning 1
)
-- what QuickBooks deleted counts as archived: the read copy keeps no trace of it
select (select count(*) from customers) + (select count(*) from documents) as archived,
       (select count(*) from lease) as lease_held
