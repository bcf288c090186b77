-- Runs a client can watch (CONTRACT §3, Runs): each run keeps its own rejected records, and a record stored fine by
-- a later run is marked fixed instead of being forgotten, so that both "what did run N reject" and "what is rejected
-- now" can be answered. The run's counts and progress are booked page by page while it is RUNNING.
drop index rejected_record_key;
drop index rejected_record_run;
-- a record rejected twice within one run (an overlap re-read) keeps one row, the later reason
create unique index rejected_record_per_run on rejected_record (run_id, type, external_id);
create index rejected_record_record on rejected_record (integration_id, type, external_id);
alter table rejected_record add column fixed_run_id bigint;

alter table sync_run
    add column progress_type    text,
    add column progress_pages   int not null default 0,
    add column progress_records int not null default 0,
    add column progress_total   int;
