-- Webhooks name the provider's organisation (Xero tenantId, QuickBooks realmId), which sits inside the sealed
-- credentials: a plain copy of that identifier (not a secret) finds the integrations a notification is for.
alter table integration add column tenant_key text;
create index integration_tenant on integration (provider, tenant_key) where tenant_key is not null;
