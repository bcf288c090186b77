-- Stores one page of QuickBooks customers in a single statement: upserted on (integration, customer id), only rows
-- that changed are touched; rejected records, the type's cursor and the lease renewal go along. It answers what it
-- did, counted against the rows as they were before.
with incoming as (
    select distinct on (r.customer_id) r.*
    from jsonb_to_recordset(cast(:#rows as jsonb)) as r(customer_id text, display_name text, company_name text,
         given_name text, family_name text, email text, phone text, mobile text, fax text, website text,
         address text, active boolean, balance numeric, sync_token text, updated_at timestamptz)
    order by r.customer_id, r.updated_at desc nulls last
),
previous as (
    select c.customer_id, c.qb_updated_at
    from qb_customer c
    join incoming i on c.integration_id = :#integrationId and c.customer_id = i.customer_id
),
written as (
    insert into qb_customer as c (integration_id, customer_id, display_name, company_name, given_name, family_name,
                                  email, phone, mobile, fax, website, address, active, balance, sync_token,
                                  qb_updated_at, seen_run_id)
    select :#integrationId, i.customer_id, i.display_name, i.company_name, i.given_name, i.family_name, i.email,
           i.phone, i.mobile, i.fax, i.website, i.address, i.active, i.balance, i.sync_token, i.updated_at,
           cast(:#seenRunId as bigint)
    from incoming i
    on conflict (integration_id, customer_id) do update
        set display_name = excluded.display_name, company_name = excluded.company_name,
            given_name = excluded.given_name, family_name = excluded.family_name, email = excluded.email,
            phone = excluded.phone, mobile = excluded.mobile, fax = excluded.fax, website = excluded.website,
            address = excluded.address, active = excluded.active, balance = excluded.balance,
            sync_token = excluded.sync_token, qb_updated_at = excluded.qb_updated_at,
            seen_run_id = coalesce(excluded.seen_run_id, c.seen_run_id), stored_at = now()
        where (c.display_name, c.company_name, c.given_name, c.family_name, c.email, c.phone, c.mobile, c.fax,
               c.website, c.address, c.active, c.balance, c.sync_token, c.qb_updated_at)
              is distinct from
              (excluded.display_name, excluded.company_name, excluded.given_name, excluded.family_name,
               excluded.email, excluded.phone, excluded.mobile, excluded.fax, excluded.website, excluded.address,
               excluded.active, excluded.balance, excluded.sync_token, excluded.qb_updated_at)
           or (excluded.seen_run_id is not null and excluded.seen_run_id is distinct from c.seen_run_id)
    returning c.customer_id, c.qb_updated_at
),
-- a customer that maps fine now fixes its earlier rejections (kept on their runs, no longer rejected now)
fixed as (
    update rejected_record r set fixed_run_id = :#runId
    from incoming i
    where r.integration_id = :#integrationId and r.type = cast(:#type as text) and r.external_id = i.customer_id
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
select count(*) filter (where p.customer_id is null) as created,
       count(*) filter (where p.customer_id is not null and p.qb_updated_at is distinct from w.qb_updated_at)
           as updated,
       (select count(*) from lease) as lease_held
from written w
left join previous p on p.customer_id = w.customer_id
