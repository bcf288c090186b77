-- The provider's remaining budget as the integration's last sync saw it in the provider's answers (rate-limit
-- headers), and when.
alter table integration add column provider_limits jsonb, add column provider_limits_at timestamptz;
