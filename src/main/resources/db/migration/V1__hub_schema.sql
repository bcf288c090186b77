-- The hub's canonical model. Natural keys are unique so that every write can be an idempotent upsert:
-- a sync that crashes half-way and runs again neither loses nor duplicates anything.

create table account (
    id         bigserial primary key,
    name       text        not null,
    created_at timestamptz not null default now()
);

-- Users log in with their email; the operator with its user name (account_id null).
create table hub_user (
    id            bigserial primary key,
    account_id    bigint references account (id) on delete cascade,
    login         text        not null,
    name          text,
    role          text        not null check (role in ('OPERATOR', 'ADMINISTRATOR', 'REGULAR')),
    password_hash text        not null,
    created_at    timestamptz not null default now(),
    check ((role = 'OPERATOR') = (account_id is null))
);
create unique index hub_user_login on hub_user (lower(login));
create index hub_user_account on hub_user (account_id);

create table integration (
    id               bigserial primary key,
    account_id       bigint      not null references account (id) on delete cascade,
    provider         text        not null,
    status           text        not null check (status in ('ACTIVE', 'NEEDS_REENABLE', 'UNLINKED')),
    status_reason    text,
    owner_email      text        not null,
    credentials      bytea,       -- AES-GCM sealed JSON; null once unlinked
    endpoint         jsonb       not null default '{}',
    settings         jsonb       not null default '{}',
    selected_types   text[]      not null,
    interval_seconds int         not null check (interval_seconds between 60 and 86400),
    last_sync_at     timestamptz,
    last_full_sync_at timestamptz,
    -- the lease: which hub instance is syncing this integration, and until when it counts
    lease_owner      text,
    lease_until      timestamptz,
    created_at       timestamptz not null default now()
);
create unique index integration_one_live_per_provider on integration (account_id, provider) where status <> 'UNLINKED';

-- Where the next incremental fetch of one type starts (provider-specific text: a timestamp, a page token...).
create table sync_cursor (
    integration_id bigint not null references integration (id) on delete cascade,
    type           text   not null,
    position       text   not null,
    primary key (integration_id, type)
);

create table sync_run (
    id             bigserial primary key,
    integration_id bigint      not null references integration (id) on delete cascade,
    trigger        text        not null check (trigger in ('TIMER', 'FORCED', 'WEBHOOK')),
    full_sync      boolean     not null,
    status         text        not null check (status in ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED')),
    started_at     timestamptz not null default now(),
    finished_at    timestamptz,
    fetched        int         not null default 0,
    created        int         not null default 0,
    updated        int         not null default 0,
    archived       int         not null default 0,
    restored       int         not null default 0,
    rejected       int         not null default 0,
    error          text
);
create index sync_run_integration on sync_run (integration_id, id desc);
-- at most one run per integration at a time, whatever instance started it
create unique index sync_run_one_running on sync_run (integration_id) where status = 'RUNNING';

create table task (
    id                  bigserial primary key,
    integration_id      bigint      not null references integration (id) on delete cascade,
    parent_id           bigint references task (id),
    kind                text        not null check (kind in ('PROJECT', 'TASK')),
    type                text        not null,
    external_id         text        not null,
    name                text        not null,
    status              text        not null check (status in ('ACTIVE', 'ARCHIVED')),
    archived_reason     text check (archived_reason in ('CLOSED', 'COMPLETED', 'DELETED', 'DESELECTED', 'UNLINKED')),
    external_updated_at timestamptz,
    -- a record that belongs to another imported record (an Insightly task of a project) names it here;
    -- parent_id follows it once that record is imported
    parent_type         text,
    parent_external_id  text,
    -- the full reconciliation that last saw this record; those not seen by one were deleted in the provider
    seen_run_id         bigint,
    updated_at          timestamptz not null default now(),
    unique (integration_id, type, external_id),
    check ((status = 'ARCHIVED') = (archived_reason is not null))
);
create index task_parent on task (parent_id);
create index task_integration_status on task (integration_id, status);

create table task_assignee (
    task_id bigint not null references task (id) on delete cascade,
    email   text   not null,
    role    text   not null check (role in ('ADMINISTRATOR', 'REGULAR')),
    source  text   not null check (source in ('AUTO', 'MANUAL')),
    primary key (task_id, email)
);
create index task_assignee_email on task_assignee (lower(email));

create table client (
    id             bigserial primary key,
    account_id     bigint  not null references account (id) on delete cascade,
    integration_id bigint  not null references integration (id) on delete cascade,
    provider       text    not null,
    type           text    not null,
    external_id    text    not null,
    name           text    not null,
    email          text,
    phone          text,
    website        text,
    address        text,
    archived       boolean not null default false,
    updated_at     timestamptz not null default now(),
    unique (integration_id, type, external_id)
);
create index client_account on client (account_id);

-- Provider records that could not be mapped: kept with the reason, never blocking the rest of a sync.
create table rejected_record (
    id             bigserial primary key,
    run_id         bigint      not null references sync_run (id) on delete cascade,
    integration_id bigint      not null references integration (id) on delete cascade,
    type           text        not null,
    external_id    text,
    reason         text        not null,
    payload        text        not null,
    created_at     timestamptz not null default now()
);
create index rejected_record_run on rejected_record (run_id);
-- a record rejected again by a later run replaces its earlier rejection rather than piling up
create unique index rejected_record_key on rejected_record (integration_id, type, external_id);
