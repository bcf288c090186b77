-- The secret an Insightly workflow sends along with its webhook calls, one per integration: sealed like the
-- credentials (the administrator reads it back from GET .../integrations/{id}/webhook), forgotten when unlinked.
alter table integration add column webhook_secret bytea;
