-- What change data capture reports deleted leaves the read copy, links included (the foreign keys cascade); the
-- lease is renewed along.
with gone as (
    select r.entity, r.id
    from jsonb_to_recordset(cast(:#deleted as jsonb)) as r(entity text, id text)
),
customers as (
    delete from qb_customer c
    using gone g
    where c.integration_id = :#integrationId and g.entity = 'Customer' and c.customer_id = g.id
    returning 1
),
documents as (
    delete from qb_document d
    using gone g
    where d.integration_id = :#integrationId and upper(g.entity) = d.type and d.document_id = g.id
    returning 1
),
lease as (
    update integration set lease_until = now() + make_interval(secs => cast(:#leaseSeconds as int))
    where id = :#integrationId and lease_owner = :#node
    returning 1
)
select (select count(*) from customers) + (select count(*) from documents) as deleted,
       (select count(*) from lease) as lease_held
