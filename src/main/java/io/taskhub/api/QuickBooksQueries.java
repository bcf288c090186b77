package io.taskhub.api;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.taskhub.model.ClientRecord;
import io.taskhub.provider.quickbooks.QuickBooksCustomer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The QuickBooks read copy and its links to clients and tasks, always scoped to one integration. */
@Repository
public class QuickBooksQueries {

    /** A client of the account as stored, with what the QuickBooks view needs of it. */
    public record ClientRow(long id, long integrationId, String provider, String type, String externalId, String name,
                            String email, String phone, String website, String address) {
    }

    /** A customer of the read copy with what writes need: its display name and QuickBooks' version. */
    public record StoredCustomer(String customerId, String displayName, String syncToken) {
    }

    /** Names compare without regard to case or spaces: {@code ACME  corp} is {@code Acme Corp}. */
    private static final String NAME_KEY = "lower(regexp_replace(%s, '\\s', '', 'g'))";
    private static final String DOCUMENT_COLUMNS = "d.type, d.document_id, d.doc_number, d.txn_date, d.due_date, "
            + "d.total, d.balance, d.status, d.customer_id";
    private static final int LIMIT = 200;

    private final JdbcTemplate jdbc;

    public QuickBooksQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<QuickBooksViews.Customer> customers(long integrationId, String text) {
        String pattern = text == null ? "%" : "%" + escape(text) + "%";
        return jdbc.query("""
                select customer_id, display_name, company_name, email, active from qb_customer
                where integration_id = ?
                  and (display_name ilike ? escape '\\' or company_name ilike ? escape '\\' or email ilike ? escape '\\')
                order by lower(display_name), customer_id limit ?""",
                (rs, i) -> new QuickBooksViews.Customer(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5)), integrationId, pattern, pattern, pattern, LIMIT);
    }

    public Optional<StoredCustomer> customer(long integrationId, String customerId) {
        return jdbc.query("select customer_id, display_name, sync_token from qb_customer "
                        + "where integration_id = ? and customer_id = ?",
                (rs, i) -> new StoredCustomer(rs.getString(1), rs.getString(2), rs.getString(3)),
                integrationId, customerId).stream().findFirst();
    }

    /** A customer the hub created or updated itself, stored at once rather than at the next sync. */
    public void storeCustomer(long integrationId, QuickBooksCustomer c) {
        jdbc.update("""
                insert into qb_customer as q (integration_id, customer_id, display_name, company_name, given_name,
                                              family_name, email, phone, mobile, fax, website, address, active, balance,
                                              sync_token, qb_updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (integration_id, customer_id) do update
                    set display_name = excluded.display_name, company_name = excluded.company_name,
                        given_name = excluded.given_name, family_name = excluded.family_name, email = excluded.email,
                        phone = excluded.phone, mobile = excluded.mobile, fax = excluded.fax,
                        website = excluded.website, address = excluded.address, active = excluded.active,
                        balance = excluded.balance, sync_token = excluded.sync_token,
                        qb_updated_at = excluded.qb_updated_at, stored_at = now()""",
                integrationId, c.customerId(), c.displayName(), c.companyName(), c.givenName(), c.familyName(),
                c.email(), c.phone(), c.mobile(), c.fax(), c.website(), c.address(), c.active(), c.balance(),
                c.syncToken(), c.updatedAt() == null ? null : Timestamp.from(c.updatedAt()));
    }

    public Optional<ClientRow> client(long accountId, long clientId) {
        return jdbc.query("select id, integration_id, provider, type, external_id, name, email, phone, website, "
                        + "address from client where account_id = ? and id = ?",
                (rs, i) -> new ClientRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)), accountId, clientId).stream().findFirst();
    }

    /** What a copy into the CRM changed, shown at once rather than after the CRM's next sync. */
    public void updateClient(long clientId, ClientRecord copied) {
        jdbc.update("update client set email = ?, phone = ?, website = ?, address = ?, updated_at = now() "
                + "where id = ?", copied.email(), copied.phone(), copied.website(), copied.address(), clientId);
    }

    public Optional<QuickBooksViews.Link> link(long integrationId, long clientId) {
        return jdbc.query("""
                select c.customer_id, c.display_name from qb_client_link l
                join qb_customer c on c.integration_id = l.integration_id and c.customer_id = l.customer_id
                where l.integration_id = ? and l.client_id = ?""",
                (rs, i) -> new QuickBooksViews.Link(rs.getString(1), rs.getString(2)), integrationId, clientId)
                .stream().findFirst();
    }

    /** False if the client was linked already (to any customer). */
    public boolean link(long integrationId, long clientId, String customerId, String linkedBy) {
        return jdbc.update("insert into qb_client_link (client_id, integration_id, customer_id, linked_by) "
                + "values (?, ?, ?, ?) on conflict do nothing", clientId, integrationId, customerId, linkedBy) == 1;
    }

    public boolean unlink(long integrationId, long clientId) {
        return jdbc.update("delete from qb_client_link where integration_id = ? and client_id = ?", integrationId,
                clientId) == 1;
    }

    /**
     * Customers whose name is the client's, ignoring case and spaces (an organisation's company name counts, a
     * person's given and family names together); for contacts also those with the client's email. Name matches
     * first, active customers before inactive ones.
     */
    public List<QuickBooksViews.Suggestion> suggestions(long integrationId, ClientRow client, boolean byEmail) {
        String name = NAME_KEY.formatted("cast(? as text)");
        String nameMatch = "(" + NAME_KEY.formatted("display_name") + " = " + name
                + " or " + NAME_KEY.formatted("coalesce(company_name, '')") + " = " + name
                + " or " + NAME_KEY.formatted("coalesce(given_name, '') || coalesce(family_name, '')") + " = " + name
                + ")";
        String emailMatch = "(cast(? as boolean) and email is not null and lower(email) = lower(cast(? as text)))";
        return jdbc.query("select customer_id, display_name, case when " + nameMatch + " then 'NAME' else 'EMAIL' end "
                        + "from qb_customer where integration_id = ? and (" + nameMatch + " or " + emailMatch + ") "
                        + "order by 3 desc, active desc, lower(display_name) limit 20",
                (rs, i) -> new QuickBooksViews.Suggestion(rs.getString(1), rs.getString(2), rs.getString(3)),
                client.name(), client.name(), client.name(), integrationId, client.name(), client.name(),
                client.name(), byEmail, client.email());
    }

    /** Open and overdue balances are what the customer's invoices still ask for, overdue those past due today. */
    public Optional<QuickBooksViews.Overview> overview(long integrationId, String customerId) {
        return jdbc.query("""
                select c.email, c.phone, c.address, c.website,
                       coalesce(sum(d.balance), 0) as open_balance,
                       coalesce(sum(d.balance) filter (where d.due_date < current_date), 0) as overdue_balance
                from qb_customer c
                left join qb_document d on d.integration_id = c.integration_id and d.customer_id = c.customer_id
                                       and d.type = 'INVOICE' and d.balance > 0
                where c.integration_id = ? and c.customer_id = ?
                group by c.email, c.phone, c.address, c.website""",
                (rs, i) -> new QuickBooksViews.Overview(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6)), integrationId, customerId)
                .stream().findFirst();
    }

    /** A customer's documents of these types, newest first. */
    public List<QuickBooksViews.Document> documentsOf(long integrationId, String customerId, List<String> types) {
        return jdbc.query("select " + DOCUMENT_COLUMNS + " from qb_document d "
                        + "where d.integration_id = ? and d.customer_id = ? and d.type = any (?) "
                        + "order by d.txn_date desc nulls last, d.type, d.document_id limit ?",
                QuickBooksQueries::document, integrationId, customerId, types.toArray(String[]::new), LIMIT);
    }

    /** Documents by type, number (ignoring case) and transaction dates (inclusive); null means any. */
    public List<QuickBooksViews.Document> findDocuments(long integrationId, String type, String docNumber,
                                                        LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("select " + DOCUMENT_COLUMNS + " from qb_document d "
                + "where d.integration_id = ?");
        List<Object> args = new ArrayList<>(List.of(integrationId));
        if (type != null) {
            sql.append(" and d.type = ?");
            args.add(type);
        }
        if (docNumber != null) {
            sql.append(" and lower(d.doc_number) = lower(?)");
            args.add(docNumber);
        }
        if (from != null) {
            sql.append(" and d.txn_date >= ?");
            args.add(Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" and d.txn_date <= ?");
            args.add(Date.valueOf(to));
        }
        sql.append(" order by d.txn_date desc nulls last, d.type, d.document_id limit ?");
        args.add(LIMIT);
        return jdbc.query(sql.toString(), QuickBooksQueries::document, args.toArray());
    }

    public Optional<QuickBooksViews.Document> document(long integrationId, String type, String documentId) {
        return jdbc.query("select " + DOCUMENT_COLUMNS + " from qb_document d "
                        + "where d.integration_id = ? and d.type = ? and d.document_id = ?",
                QuickBooksQueries::document, integrationId, type, documentId).stream().findFirst();
    }

    /**
     * The documents linked to the task, and those of the customers linked to the clients the task's record refers to
     * in its provider, following references a few steps (a project to its opportunity to its organisation). A
     * document linked both ways is shown once, as DIRECT.
     */
    public List<QuickBooksViews.TaskDocument> taskDocuments(long integrationId, long taskId) {
        return jdbc.query("""
                with recursive related (integration_id, type, external_id, depth) as (
                    select t.integration_id, t.related_type, t.related_external_id, 1
                    from task t where t.id = ? and t.related_type is not null
                    union all
                    select t.integration_id, t.related_type, t.related_external_id, r.depth + 1
                    from related r
                    join task t on t.integration_id = r.integration_id and t.type = r.type
                               and t.external_id = r.external_id
                    where t.related_type is not null and r.depth < 3
                ),
                direct as (
                    select %1$s, 'DIRECT' as via from qb_task_link l
                    join qb_document d on d.integration_id = l.integration_id and d.type = l.document_type
                                      and d.document_id = l.document_id
                    where l.task_id = ? and l.integration_id = ?
                ),
                through_clients as (
                    select distinct %1$s, 'INSIGHTLY_LINK' as via from related r
                    join client c on c.integration_id = r.integration_id and c.type = r.type
                                 and c.external_id = r.external_id
                    join qb_client_link cl on cl.client_id = c.id and cl.integration_id = ?
                    join qb_document d on d.integration_id = cl.integration_id and d.customer_id = cl.customer_id
                )
                select * from direct
                union all
                select * from through_clients t
                where not exists (select 1 from direct x where x.type = t.type and x.document_id = t.document_id)
                order by via, txn_date desc nulls last, type, document_id""".formatted(DOCUMENT_COLUMNS),
                (rs, i) -> new QuickBooksViews.TaskDocument(document(rs, i), rs.getString("via")),
                taskId, taskId, integrationId, integrationId);
    }

    /** False if the document was linked to the task already. */
    public boolean linkDocument(long integrationId, long taskId, String type, String documentId, String linkedBy) {
        return jdbc.update("insert into qb_task_link (task_id, integration_id, document_type, document_id, linked_by) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing", taskId, integrationId, type, documentId,
                linkedBy) == 1;
    }

    public boolean unlinkDocument(long integrationId, long taskId, String type, String documentId) {
        return jdbc.update("delete from qb_task_link where task_id = ? and integration_id = ? and document_type = ? "
                + "and document_id = ?", taskId, integrationId, type, documentId) == 1;
    }

    private static QuickBooksViews.Document document(ResultSet rs, int row) throws SQLException {
        return new QuickBooksViews.Document(rs.getString("type"), rs.getString("document_id"),
                rs.getString("doc_number"), date(rs.getDate("txn_date")), date(rs.getDate("due_date")),
                rs.getBigDecimal("total"), rs.getBigDecimal("balance"), rs.getString("status"),
                rs.getString("customer_id"));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
