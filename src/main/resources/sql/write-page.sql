-- Stores one mapped provider page in a single statement, and only while this instance holds the integration's
-- lease (which also proves the integration exists: task has no per-row foreign keys, see V21): tasks upserted on
-- their natural key (only rows that changed are touched), automatic assignments by email, clients, rejected
-- records and the type's cursor. PostgreSQL runs every data-modifying part whether or not the final select reads
-- it. It answers what it did, counted against the rows as they were before.
-- The tasks arrive as one array per column (io.taskhub.sync.TaskColumns): PostgreSQL reads arrays about five times
-- faster than JSON, and this is the hub's hottest statement. Clients and rejected records arrive as JSON.
with lease as (
    update integration set lease_until = now() + make_interval(secs => cast(:#leaseSeconds as int))
    where id = :#integrationId and lease_owner = :#node
    returning id
),
incoming as (
    select *
    from unnest(cast(:#types as text[]), cast(:#externalIds as text[]), cast(:#names as text[]),
                cast(:#archivedReasons as text[]), cast(:#updatedMicros as bigint[]), cast(:#parentIds as bigint[]),
                cast(:#parentTypes as text[]), cast(:#parentExternalIds as text[]), cast(:#relatedTypes as text[]),
                cast(:#relatedExternalIds as text[])) with ordinality
         as r(type, external_id, name, archived_reason, updated_micros, parent_id, parent_type, parent_external_id,
              related_type, related_external_id, row_number)
),
written as (
    insert into task as t (integration_id, parent_id, kind, type, external_id, name, status, archived_reason,
                           external_updated_at, parent_type, parent_external_id, related_type, related_external_id,
                           seen_run_id)
    select lease.id,
           -- only a record that names its parent record looks it up (one index probe per such record)
           case when i.parent_type is null then i.parent_id
                else coalesce((select p.id from task p
                               where p.integration_id = lease.id and p.type = i.parent_type
                                 and p.external_id = i.parent_external_id), i.parent_id) end,
           'TASK', i.type, i.external_id, i.name,
           case when i.archived_reason is null then 'ACTIVE' else 'ARCHIVED' end,
           i.archived_reason, timestamptz 'epoch' + i.updated_micros * interval '1 microsecond', i.parent_type,
           i.parent_external_id, i.related_type, i.related_external_id, cast(:#seenRunId as bigint)
    from incoming i cross join lease
    on conflict (integration_id, type, external_id) do update
        set parent_id = excluded.parent_id, name = excluded.name, status = excluded.status,
            archived_reason = excluded.archived_reason, external_updated_at = excluded.external_updated_at,
            parent_type = excluded.parent_type, parent_external_id = excluded.parent_external_id,
            related_type = excluded.related_type, related_external_id = excluded.related_external_id,
            seen_run_id = coalesce(excluded.seen_run_id, t.seen_run_id), updated_at = now()
        where (t.parent_id, t.name, t.status, t.archived_reason, t.external_updated_at, t.parent_type,
               t.parent_external_id, t.related_type, t.related_external_id)
              is distinct from
              (excluded.parent_id, excluded.name, excluded.status, excluded.archived_reason,
               excluded.external_updated_at, excluded.parent_type, excluded.parent_external_id,
               excluded.related_type, excluded.related_external_id)
           or (excluded.seen_run_id is not null and excluded.seen_run_id is distinct from t.seen_run_id)
    -- xmax is 0 on a row this statement inserted: a new task has no earlier state and no assignees to compare
    returning t.id, t.type, t.external_id, t.status, t.name, t.parent_id, t.archived_reason, t.external_updated_at,
              t.xmax = 0 as inserted
),
-- the updated rows as they were before this statement (its snapshot), found by id: their integration may be too new
-- for the planner's statistics, which must not make it scan all of the integration's tasks
previous as (
    select t.id, t.status, t.name, t.parent_id, t.archived_reason, t.external_updated_at
    from task t
    where t.id in (select w.id from written w where not w.inserted)
),
matched_users as (
    select w.id as task_id, u.login as email, u.role
    from unnest(cast(:#assigneeRows as bigint[]), cast(:#assigneeEmails as text[])) as a(row_number, email)
    join incoming i on i.row_number = a.row_number
    join written w on w.type = i.type and w.external_id = i.external_id
    join hub_user u on u.account_id = :#accountId and lower(u.login) = lower(a.email)
),
stale_assignees as (
    delete from task_assignee a
    using written w
    where a.task_id = w.id and not w.inserted and a.source = 'AUTO'
      and not exists (select 1 from matched_users m where m.task_id = a.task_id and lower(m.email) = lower(a.email))
      and not exists (select 1 from task root where root.id = a.task_id and root.kind = 'PROJECT')
    returning 1
),
new_assignees as (
    insert into task_assignee (task_id, email, role, source)
    select distinct on (task_id, lower(email)) task_id, email, role, 'AUTO' from matched_users
    on conflict (task_id, email) do nothing
    returning 1
),
clients as (
    insert into client as c (account_id, integration_id, provider, type, external_id, name, email, phone, website,
                             address, archived)
    select :#accountId, lease.id, :#provider, r.type, r.external_id, r.name, r.email, r.phone, r.website,
           r.address, r.archived
    from json_to_recordset(cast(:#clients as json)) as r(type text, external_id text, name text, email text,
         phone text, website text, address text, archived boolean)
    cross join lease
    on conflict (integration_id, type, external_id) do update
        set name = excluded.name, email = excluded.email, phone = excluded.phone, website = excluded.website,
            address = excluded.address, archived = excluded.archived, updated_at = now()
        where (c.name, c.email, c.phone, c.website, c.address, c.archived)
              is distinct from (excluded.name, excluded.email, excluded.phone, excluded.website, excluded.address,
                                excluded.archived)
    returning 1
),
-- a record that maps fine now fixes its earlier rejections (kept on their runs, no longer rejected now)
fixed as (
    update rejected_record r set fixed_run_id = :#runId
    from incoming i, lease
    where r.integration_id = lease.id and r.type = i.type and r.external_id = i.external_id
      and r.fixed_run_id is null
    returning 1
),
rejected as (
    insert into rejected_record (run_id, integration_id, type, external_id, reason, payload)
    select :#runId, lease.id, r.type, r.external_id, r.reason, r.payload
    from json_to_recordset(cast(:#rejected as json)) as r(type text, external_id text, reason text, payload text)
    cross join lease
    on conflict (run_id, type, external_id) do update
        set reason = excluded.reason, payload = excluded.payload, created_at = now()
    returning 1
),
cursor as (
    insert into sync_cursor (integration_id, type, position)
    select lease.id, cast(:#type as text), cast(:#cursor as text)
    from lease
    where cast(:#cursor as text) is not null
    on conflict (integration_id, type) do update set position = excluded.position
    returning 1
)
select count(*) filter (where p.id is null) as created,
       count(*) filter (where p.id is not null and p.status = w.status
                          and (p.name, p.parent_id, p.archived_reason, p.external_updated_at)
                              is distinct from (w.name, w.parent_id, w.archived_reason, w.external_updated_at))
           as updated,
       count(*) filter (where p.id is not null and p.status = 'ACTIVE' and w.status = 'ARCHIVED') as archived,
       count(*) filter (where p.id is not null and p.status = 'ARCHIVED' and w.status = 'ACTIVE') as restored,
       (select count(*) from lease) as lease_held
from written w
left join previous p on p.id = w.id
