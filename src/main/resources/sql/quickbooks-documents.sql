-- Stores one page of QuickBooks invoices, payments or estimates in a single statement: upserted on (integration,
-- type, document id), only rows that changed are touched; rejected records, the type's cursor and the lease renewal
-- go along. It answers what it did, counted against the rows as they were before.
with incoming as (
    select distinct on (r.type, r.document_id) r.*
    from jsonb_to_recordset(cast(:#rows as jsonb)) as r(type text, document_id text, doc_number text,
         txn_date date, due_date date, total numeric, balance numeric, status text, customer_id text,
         updated_at timestamptz)
    order by r.type, r.document_id, r.updated_at desc nulls last
),
previous as (
    select d.type, d.document_id, d.qb_updated_at
    from qb_document d
    join incoming i on d.integration_id = :#integrationId and d.type = i.type and d.document_id = i.document_id
),
written as (
    insert into qb_document as d (integration_id, type, document_id, doc_number, txn_date, due_date, total, balance,
                                  status, customer_id, qb_updated_at, seen_run_id)
    select :#integrationId, i.type, i.document_id, i.doc_number, i.txn_date, i.due_date, i.total, i.balance,
           i.status, i.customer_id, i.updated_at, cast(:#seenRunId as bigint)
    from incoming i
    on conflict (integration_id, type, document_id) do update
        set doc_number = excluded.doc_number, txn_date = excluded.txn_date, due_date = excluded.due_date,
            total = excluded.total, balance = excluded.balance, status = excluded.status,
            customer_id = excluded.customer_id, qb_updated_at = excluded.qb_updated_at,
            seen_run_id = coalesce(excluded.seen_run_id, d.seen_run_id), stored_at = now()
        where (d.doc_number, d.txn_date, d.due_date, d.total, d.balance, d.status, d.customer_id, d.qb_updated_at)
              is distinct from
              (excluded.doc_number, excluded.txn_date, excluded.due_date, excluded.total, excluded.balance,
               excluded.status, excluded.customer_id, excluded.qb_updated_at)
           or (excluded.seen_run_id is not null and excluded.seen_run_id is distinct from d.seen_run_id)
    returning d.type, d.document_id, d.qb_updated_at
),
-- a document that maps fine now fixes its earlier rejections (kept on their runs, no longer rejected now)
fixed as (
    update rejected_record r set fixed_run_id = :#runId
    from incoming i
    where r.integration_id = :#integrationId and r.type = cast(:#type as text) and r.external_id = i.document_id
      and r.fixed_run_id is null
    returning 1
),
rejected as (
    insert into rejected_record (run_id, integration_id, type, external_id, reason, payload)
    select :#runId, :#integrationId, r.type, r.external_id, r.reason, r.payload
    from jsonb_to_recordset(cast(:#rejected as jsonb)) as r(type text, external_id text, reason text, payload text)
    on conflict (run_id, type, external_id) do update
        set reason = excluded.reason, payload = excluded.payload, created_at = now()
    returning 1
),
cursor as (
    insert into sync_cursor (integration_id, type, position)
    select :#integrationId, cast(:#type as text), cast(:#cursor as text)
    where cast(:#cursor as text) is not null
    on conflict (integration_id, type) do update set position = excluded.position
    returning 1
),
lease as (
    update integration set lease_until = now() + make_interval(secs => cast(:#leaseSeconds as int))
    where id = :#integrationId and lease_owner = :#node
    returning 1
)
select count(*) filter (where p.document_id is null) as created,
       count(*) filter (where p.document_id is not null and p.qb_updated_at is distinct from w.qb_updated_at)
           as updated,
       (select count(*) from lease) as lease_held
from written w
left join previous p on p.type = w.type and p.document_id = w.document_id
