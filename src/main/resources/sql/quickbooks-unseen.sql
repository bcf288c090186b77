-- The read copy's rows of one type that a full reconciliation did not see, in id order: quickbooks-unseen-confirm
-- asks QuickBooks for them by id before quickbooks-sweep.sql deletes what it no longer has.
with document_types (provider_type, document_type) as (
    values ('invoices', 'INVOICE'), ('payments', 'PAYMENT'), ('estimates', 'ESTIMATE')
)
select customer_id as id from qb_customer
where integration_id = :integrationId and cast(:type as text) = 'customers'
  and seen_run_id is distinct from cast(:runId as bigint)
union all
select document_id from qb_document
where integration_id = :integrationId
  and type = (select document_type from document_types where provider_type = cast(:type as text))
  and seen_run_id is distinct from cast(:runId as bigint)
order by id
