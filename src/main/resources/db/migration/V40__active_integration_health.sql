-- How fresh each active integration is, for the metrics and the integrations health group: overdue when it has not
-- synced successfully for twice its interval, failing when its last finished run failed.
create view active_integration_health as
select i.id, i.account_id, i.provider, i.last_sync_at, i.created_at,
       coalesce(i.last_sync_at, i.created_at) < now() - make_interval(secs => 2 * i.interval_seconds) as overdue,
       coalesce(last.status = 'FAILED', false) as failing,
       last.error as last_error
from integration i
left join lateral (
    select status, error from sync_run r
    where r.integration_id = i.id and r.status <> 'RUNNING'
    order by r.id desc limit 1
) last on true
where i.status = 'ACTIVE';
