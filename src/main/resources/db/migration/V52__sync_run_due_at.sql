-- When a timer run was due (its trigger's scheduled fire time): started_at - due_at is how late the hub started it.
-- Null for forced and webhook runs, which are due when asked for.
alter table sync_run add column due_at timestamptz;
