-- QuickBooks Online is not imported as tasks: the hub keeps a read copy of each connected company's customers and
-- accounting documents, and links them to the account's clients and to opportunity and project tasks. Natural keys
-- are unique so that every sync writes by upsert. (Numbered apart from other branches' migrations on purpose.)

-- An imported record may refer to another without sitting under it (an Insightly opportunity names its organisation,
-- a project the opportunity it came from): how a task finds the clients whose documents concern it.
alter table task add column related_type text, add column related_external_id text;

create table qb_customer (
    integration_id bigint      not null references integration (id) on delete cascade,
    customer_id    text        not null,
    display_name   text        not null,
    company_name   text,
    given_name     text,
    family_name    text,
    email          text,
    phone          text,
    mobile         text,
    fax            text,
    website        text,
    address        text,          -- the billing address on one line
    active         boolean     not null,
    balance        numeric(15, 2), -- the open balance QuickBooks keeps for the customer
    sync_token     text,          -- QuickBooks' version of the record, required by updates
    qb_updated_at  timestamptz,   -- MetaData.LastUpdatedTime, an instant (QuickBooks writes the company's offset)
    seen_run_id    bigint,        -- the full reconciliation that last saw it
    stored_at      timestamptz not null default now(), -- when the hub last wrote it (a sync, or the hub's own create)
    primary key (integration_id, customer_id)
);
-- suggestions match names ignoring case and spaces, emails ignoring case
create index qb_customer_name_key on qb_customer (integration_id, (lower(regexp_replace(display_name, '\s', '', 'g'))));
create index qb_customer_email_key on qb_customer (integration_id, (lower(email)));

create table qb_document (
    integration_id bigint         not null references integration (id) on delete cascade,
    type           text           not null check (type in ('INVOICE', 'PAYMENT', 'ESTIMATE')),
    document_id    text           not null,
    doc_number     text,
    txn_date       date,
    due_date       date,
    total          numeric(15, 2),
    balance        numeric(15, 2),
    status         text,
    customer_id    text,
    qb_updated_at  timestamptz,
    seen_run_id    bigint,
    stored_at      timestamptz    not null default now(),
    primary key (integration_id, type, document_id)
);
create index qb_document_customer on qb_document (integration_id, customer_id);
create index qb_document_number on qb_document (integration_id, (lower(doc_number)));

-- A client is linked to at most one customer of a QuickBooks integration; a customer deleted in QuickBooks takes
-- its links with it.
create table qb_client_link (
    client_id      bigint      not null references client (id) on delete cascade,
    integration_id bigint      not null,
    customer_id    text        not null,
    linked_by      text        not null,
    linked_at      timestamptz not null default now(),
    primary key (client_id, integration_id),
    foreign key (integration_id, customer_id) references qb_customer (integration_id, customer_id) on delete cascade
);
create index qb_client_link_customer on qb_client_link (integration_id, customer_id);

-- Documents linked to a task directly; a document deleted in QuickBooks takes its links with it.
create table qb_task_link (
    task_id        bigint      not null references task (id) on delete cascade,
    integration_id bigint      not null,
    document_type  text        not null,
    document_id    text        not null,
    linked_by      text        not null,
    linked_at      timestamptz not null default now(),
    primary key (task_id, integration_id, document_type, document_id),
    foreign key (integration_id, document_type, document_id)
        references qb_document (integration_id, type, document_id) on delete cascade
);
create index qb_task_link_document on qb_task_link (integration_id, document_type, document_id);
