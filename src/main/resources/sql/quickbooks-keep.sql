-- Rows of one type that a full reconciliation did not see but keeps: QuickBooks still has them, or the next
-- reconciliation confirms them. Seen by the run, so that quickbooks-sweep.sql leaves them.
with document_types (provider_type, document_type) as (
    values ('invoices', 'INVOICE'), ('payments', 'PAYMENT'), ('estimates', 'ESTIMATE')
),
customers as (
    update qb_customer set seen_run_id = :runId
    where integration_id = :integrationId and cast(:type as text) = 'customers' and customer_id in (:ids)
    returning 1
)
update qb_document set seen_run_id = :runId
where integration_id = :integrationId
  and type = (select document_type from document_types where provider_type = cast(:type as text))
  and document_id in (:ids)
