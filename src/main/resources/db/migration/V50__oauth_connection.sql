-- A connection started by an administrator and finished by the provider's callback (the OAuth authorization-code
-- flow). Kept in the database so that any hub instance can take the callback. Neither the state nor the PKCE
-- verifier is readable here: the state only as its SHA-256 (the callback's copy is looked up by it), the verifier
-- sealed. (Numbered apart from other branches' migrations on purpose.)
create table oauth_connection (
    id             bigserial primary key,
    account_id     bigint      not null references account (id) on delete cascade,
    provider       text        not null,
    -- who started it: still an administrator of the account at the callback, and then the integration's owner
    started_by     text        not null,
    state_hash     bytea       not null unique,
    verifier       bytea,
    -- what the integration is created with: endpoint, selectedTypes, intervalSeconds, settings, integrationId
    request        jsonb       not null,
    status         text        not null check (status in ('PENDING', 'CONNECTED', 'FAILED', 'EXPIRED')),
    integration_id bigint references integration (id) on delete set null,
    error          text,
    expires_at     timestamptz not null,
    -- set by the one callback that may use the state; a second one finds it set
    claimed_at     timestamptz,
    -- a consent covering several organisations (Xero) waits for the client's choice: the credentials the code was
    -- exchanged for, sealed, and the organisations to choose from
    parked         bytea,
    organisations  jsonb,
    created_at     timestamptz not null default now()
);
create index oauth_connection_account on oauth_connection (account_id, id);
